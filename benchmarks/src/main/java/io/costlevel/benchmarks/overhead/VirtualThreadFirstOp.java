package io.costlevel.benchmarks.overhead;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a thread-per-task service pays for the agent's per-thread counters: rounds of {@code threads} virtual threads
 * from {@code Executors.newVirtualThreadPerTaskExecutor()}, each doing one {@code AtomicLong.incrementAndGet} (the
 * first, and only, counted operation of its thread when this class is instrumented). Prints the wall time per thread
 * of each round. JDK 21+ (compiled for 17: the executor is found by reflection).
 *
 * <pre>
 * J=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java; CP=benchmarks/target/classes
 * $J -cp $CP io.costlevel.benchmarks.overhead.VirtualThreadFirstOp 200000 3
 * $J -javaagent:agent/target/costlevel-agent.jar=out=/tmp/vt,include=io.costlevel.benchmarks.overhead. -cp $CP \
 *    io.costlevel.benchmarks.overhead.VirtualThreadFirstOp 200000 3
 * </pre>
 * Figures in docs/overhead.md (Virtual threads: a thread's first count).
 */
public final class VirtualThreadFirstOp {
    private static final AtomicLong COUNT = new AtomicLong();

    private VirtualThreadFirstOp() {}

    public static void main(String[] args) throws Throwable {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        for (int round = 1; round <= rounds; round++) {
            long start = System.nanoTime();
            ExecutorService executor = (ExecutorService) MethodHandles.publicLookup()
                    .findStatic(java.util.concurrent.Executors.class, "newVirtualThreadPerTaskExecutor",
                            MethodType.methodType(ExecutorService.class)).invoke();
            for (int i = 0; i < threads; i++) {
                executor.execute(VirtualThreadFirstOp::oneOp);
            }
            executor.shutdown(); // ExecutorService is AutoCloseable from JDK 19 on only: closed by hand
            executor.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
            double micros = (System.nanoTime() - start) / 1e3 / threads;
            System.out.println(String.format(Locale.ROOT, "round=%d threads=%d usPerThread=%.2f count=%d", round,
                    threads, micros, COUNT.get()));
        }
    }

    static void oneOp() {
        COUNT.incrementAndGet();
    }
}
