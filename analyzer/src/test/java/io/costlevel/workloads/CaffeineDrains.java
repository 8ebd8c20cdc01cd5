package io.costlevel.workloads;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.LongAdder;

/**
 * What {@link HotKeyCache}'s reads spend natively on scheduling the cache's maintenance (docs/tiers.md, "Real
 * libraries"): the same cache and hot-key reads, with Caffeine's executor wrapped to count and time each
 * {@code ForkJoinPool.execute} (the wake-up of a pool thread to drain the read buffers). Not run by any test; a
 * measurement: {@code java -cp ... io.costlevel.workloads.CaffeineDrains THREADS SECONDS}.
 */
public final class CaffeineDrains {
    private CaffeineDrains() {}

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        long nanos = (long) (Double.parseDouble(args[1]) * 1e9);
        LongAdder drains = new LongAdder();
        LongAdder drainNanos = new LongAdder();
        Executor timed = task -> {
            long start = System.nanoTime();
            ForkJoinPool.commonPool().execute(task);
            drainNanos.add(System.nanoTime() - start);
            drains.increment();
        };
        Cache<Integer, Long> cache = Caffeine.newBuilder().maximumSize(HotKeyCache.SIZE).executor(timed).build();
        for (int key = 0; key < HotKeyCache.SIZE; key++) {
            cache.put(key, (long) key);
        }
        drains.reset();
        drainNanos.reset();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        LongAdder reads = new LongAdder();
        LongAdder cpu = new LongAdder();
        long start = System.nanoTime();
        long end = start + nanos;
        Thread[] workers = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            workers[i] = new Thread(() -> {
                long cpuStart = mx.getCurrentThreadCpuTime();
                long n = 0;
                long sink = 0;
                while (System.nanoTime() < end) {
                    for (int k = 0; k < 64; k++) {
                        Long v = cache.getIfPresent(7);
                        sink += v == null ? 0 : v;
                    }
                    n += 64;
                }
                cpu.add(mx.getCurrentThreadCpuTime() - cpuStart);
                reads.add(n + (sink & 1));
            });
            workers[i].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double wall = System.nanoTime() - start;
        long n = reads.sum();
        System.out.printf("reads=%d cpuNsPerRead=%.1f threadNsPerRead=%.1f drains=%d (one per %.0f reads) "
                        + "executeNsEach=%.0f executeShareOfCpu=%.1f%%%n", n, cpu.sum() / (double) n, threads * wall / n,
                drains.sum(), n / (double) Math.max(1, drains.sum()), drainNanos.sum() / (double) Math.max(1, drains.sum()),
                100.0 * drainNanos.sum() / cpu.sum());
    }
}
