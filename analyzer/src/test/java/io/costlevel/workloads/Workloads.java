package io.costlevel.workloads;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The real-library workloads (issue 11, item 5), one per application class of this package, each calling a JDK or
 * Maven Central library the way a service does. Run in a forked JVM, with or without the agent:
 * {@code java -cp ... io.costlevel.workloads.Workloads NAME THREADS SECONDS}. Prints one line with the native cost:
 * {@code ops=N nsPerOp=X cpuNsPerOp=Y blockedNsPerOp=Z}, nsPerOp being thread time per op (threads x wall / ops),
 * cpuNsPerOp the threads' CPU time per op, blockedNsPerOp the rest (time off the CPU: parked, blocked, preempted).
 * A workload whose threads play different roles (a producer and a consumer) adds one such line per role after it,
 * starting {@code role=NAME}, over that role's threads and ops.
 */
public final class Workloads {
    /** What each thread runs: a fresh operation per thread (its thread-confined state), called in a loop. */
    static final Map<String, Supplier<Operation>> ALL = Map.ofEntries(
            Map.entry("shared-random", SharedRandom::new),
            Map.entry("thread-local-random", ThreadLocalRandomDraw::new),
            Map.entry("chm-hot-key", HotKeyMap::new),
            Map.entry("chm-per-thread", PerThreadMap::new),
            Map.entry("hdr-histogram", SharedHistogram::new),
            Map.entry("metrics-meter", SharedMeter::new),
            Map.entry("jul-logging", SharedLogger::new),
            Map.entry("executor-round-trip", ExecutorRoundTrip::new),
            Map.entry("inline-round-trip", InlineRoundTrip::new),
            Map.entry("scheduled-round-trip", ScheduledRoundTrip::new),
            Map.entry("virtual-round-trip", VirtualRoundTrip::new),
            Map.entry("caffeine-hot-key", HotKeyCache::new),
            Map.entry("guava-cache-hot-key", HotKeyLoadingCache::new),
            Map.entry("http-service", HttpService::new),
            Map.entry("synchronized-map", SynchronizedMapWrites::new),
            Map.entry("shared-queue", SharedQueue::new),
            Map.entry("async-supply", AsyncSupply::new),
            Map.entry("pooled-buffers", PooledBuffers::new),
            Map.entry("connection-pool", ConnectionPool::new),
            Map.entry("status-counts", StatusCounts::new),
            Map.entry("legacy-formatter", LegacyFormatter::new),
            Map.entry("phase-steps", PhaseSteps::new),
            Map.entry("producer-consumer", ProducerConsumer::new),
            Map.entry("request-ids", RequestIds::new),
            Map.entry("in-flight-requests", InFlightRequests::new),
            Map.entry("request-timer", RequestTimer::new),
            Map.entry("request-listeners", RequestListeners::new));

    /** One operation of a workload; {@code op} is the application line the report must classify. */
    interface Operation {
        long op();

        /** The part this thread plays, where threads play different ones (its own line per role), else null. */
        default String role() {
            return null;
        }
    }

    /** Ops, CPU time and threads of one role. */
    private static final class Tally {
        final LongAdder ops = new LongAdder();
        final LongAdder cpu = new LongAdder();
        final LongAdder threads = new LongAdder();

        void add(long n, long cpuNanos) {
            ops.add(n);
            cpu.add(cpuNanos);
            threads.increment();
        }

        String line(double wall) {
            double threadTime = wall * threads.sum();
            long total = ops.sum();
            return String.format("ops=%d nsPerOp=%.1f cpuNsPerOp=%.1f blockedNsPerOp=%.1f", total, threadTime / total,
                    cpu.sum() / (double) total, Math.max(0, threadTime - cpu.sum()) / total);
        }
    }

    private Workloads() {}

    private static void close(AutoCloseable done) {
        try {
            done.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) throws Exception {
        Supplier<Operation> workload = ALL.get(args[0]);
        if (workload == null) {
            System.err.println("unknown workload " + args[0] + " (known: " + ALL.keySet() + ")");
            System.exit(2);
        }
        int threads = Integer.parseInt(args[1]);
        long nanos = (long) (Double.parseDouble(args[2]) * 1e9);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Tally all = new Tally();
        Map<String, Tally> roles = new java.util.concurrent.ConcurrentSkipListMap<>();
        LongAdder sink = new LongAdder();
        Thread[] workers = new Thread[threads];
        // Shared state (a server, a pool, a cache) is made before the workers start, as a service starts before it
        // serves: made by the first worker, the others waited for it, 0.2 s each, and that wait was in the run.
        workload.get();
        long start = System.nanoTime();
        long end = start + nanos;
        for (int i = 0; i < threads; i++) {
            workers[i] = new Thread(() -> {
                Operation operation = workload.get();
                long cpuStart = mx.getCurrentThreadCpuTime();
                long n = 0;
                long acc = 0;
                while (System.nanoTime() < end) {
                    for (int k = 0; k < 64; k++) {
                        acc += operation.op();
                    }
                    n += 64;
                }
                long cpu = mx.getCurrentThreadCpuTime() - cpuStart;
                if (operation instanceof AutoCloseable done) {
                    close(done); // a worker that stops leaves what others would wait for it at (a barrier)
                }
                all.add(n, cpu);
                if (operation.role() != null) {
                    roles.computeIfAbsent(operation.role(), r -> new Tally()).add(n, cpu);
                }
                sink.add(acc);
            }, "worker-" + i);
            workers[i].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double wall = System.nanoTime() - start;
        System.out.printf("%s sink=%d%n", all.line(wall), sink.sum() & 1);
        roles.forEach((role, tally) -> System.out.printf("role=%s %s%n", role, tally.line(wall)));
        ExecutorRoundTrip.POOL.shutdown();
        ScheduledRoundTrip.POOL.shutdown();
        HttpService.stop();
    }
}
