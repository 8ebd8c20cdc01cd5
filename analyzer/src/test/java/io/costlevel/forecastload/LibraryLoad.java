package io.costlevel.forecastload;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Real-library workloads for the forecast's accuracy check (LibraryForecastIT), each a pair that differs only in
 * whether the library's state is shared by the threads:
 * <ul>
 *   <li>{@code shared-random}: one {@link Random} for all threads, whose seed is an AtomicLong CASed on every draw;
 *   {@code thread-local-random}: {@link ThreadLocalRandom}, the seed a field of the thread;</li>
 *   <li>{@code chm-hot-key}: {@link ConcurrentHashMap#merge} on one key, every thread locking the same bin;
 *   {@code chm-spread}: on 1,024 keys of each thread's own (contiguous ranges, so no two threads share a bin).</li>
 * </ul>
 * {@code LibraryLoad WORKLOAD THREADS SECONDS}; prints {@code workload=.. threads=.. ops=.. nsPerOp=.. cpuNsPerOp=..
 * blockedNsPerOp=..}: thread time per op (wall x threads / ops), the workers' CPU time per op (their thread CPU clocks)
 * and their time blocked on a monitor or waiting in a park per op (the JDK's contention accounting, milliseconds).
 * The map holds every key the run writes before the workers start: the run measures the steady state of the keys'
 * bins, not the map's first resizes (at 8 threads on 2 cores a resizing thread preempted inside a bin's lock had
 * 0.0005 % of the ops of the spread keys wait 7 ms each, half the run's time: a one-time cost of growing the map).
 * Lives in the test classes, out of the samples jar, run by the IT in a forked JVM.
 */
public final class LibraryLoad {
    private static final int KEYS_PER_THREAD = 1024;
    private static final Random SHARED = new Random(42);
    private static final ConcurrentHashMap<Integer, Long> MAP = new ConcurrentHashMap<>();
    private static volatile boolean stop;

    private LibraryLoad() {}

    public static void main(String[] args) throws InterruptedException {
        String workload = args[0];
        int threads = Integer.parseInt(args[1]);
        double seconds = Double.parseDouble(args[2]);
        for (int key = 0; key < threads * KEYS_PER_THREAD; key++) {
            MAP.put(key, 0L);
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        mx.setThreadContentionMonitoringEnabled(true);
        Thread[] workers = new Thread[threads];
        long[] ops = new long[threads];
        long[] sink = new long[threads];
        long[] cpu = new long[threads];
        long[] blockedMillis = new long[threads];
        for (int t = 0; t < threads; t++) {
            int id = t;
            workers[t] = new Thread(() -> {
                long cpu0 = mx.getCurrentThreadCpuTime();
                long n = 0;
                long s = 0;
                while (!stop) {
                    for (int i = 0; i < 1000; i++) {
                        s += op(workload, id, i);
                    }
                    n += 1000;
                }
                ThreadInfo info = mx.getThreadInfo(Thread.currentThread().getId());
                blockedMillis[id] = Math.max(0, info.getBlockedTime()) + Math.max(0, info.getWaitedTime());
                cpu[id] = mx.getCurrentThreadCpuTime() - cpu0;
                ops[id] = n;
                sink[id] = s;
            });
        }
        long start = System.nanoTime();
        for (Thread w : workers) {
            w.start();
        }
        Thread.sleep((long) (seconds * 1000));
        stop = true;
        for (Thread w : workers) {
            w.join();
        }
        long wall = System.nanoTime() - start;
        long total = 0;
        long cpuTotal = 0;
        long blockedTotal = 0;
        for (int t = 0; t < threads; t++) {
            total += ops[t];
            cpuTotal += cpu[t];
            blockedTotal += blockedMillis[t] * 1_000_000;
        }
        System.out.printf(Locale.ROOT, "workload=%s threads=%d ops=%d nsPerOp=%.1f cpuNsPerOp=%.1f blockedNsPerOp=%.1f sink=%d%n",
                workload, threads, total, (double) wall * threads / total, (double) cpuTotal / total,
                (double) blockedTotal / total, sink[0]);
    }

    private static long op(String workload, int id, int i) {
        return switch (workload) {
            case "shared-random" -> SHARED.nextInt();
            case "thread-local-random" -> ThreadLocalRandom.current().nextInt();
            case "chm-hot-key" -> MAP.merge(0, 1L, Long::sum);
            case "chm-spread" -> MAP.merge(id * KEYS_PER_THREAD + (i & (KEYS_PER_THREAD - 1)), 1L, Long::sum);
            default -> throw new IllegalArgumentException("unknown workload " + workload);
        };
    }
}
