package io.costlevel.agent.vthread;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;

/**
 * Samples the default virtual-thread scheduler (JDK 21+) from a daemon thread of its own every
 * {@link #PERIOD_MILLIS} ms: how many virtual threads are queued to mount and whether every carrier is busy. That is
 * carrier starvation as it happens, the virtual-thread form of level 5: pinned or CPU-bound virtual threads hold the
 * carriers while others, ready to run, wait. Application threads are never touched: the scheduler's own counters are
 * read (a scan of its queues, a few microseconds), nothing is instrumented.
 *
 * <p>The scheduler is {@code java.lang.VirtualThread.DEFAULT_SCHEDULER}, a {@link ForkJoinPool} on JDK 21 to 25; the
 * agent opens {@code java.lang} to itself alone to read it. On JDK 17, or when the field is not there or not a pool,
 * nothing starts and nothing is said.
 */
public final class SchedulerSampler {
    /** Short enough to see waits of tens of ms, long enough to cost nothing measurable (100 scans a second). */
    static final long PERIOD_MILLIS = 10;
    /** A gap longer than this (a stopped process) is counted as this long: the sample says little about it. */
    static final long MAX_GAP_NANOS = 1_000_000_000L;

    private static volatile SchedulerSampler running;
    /** One sampling thread per JVM, however many times the agent is attached to it. */
    private static final java.util.concurrent.atomic.AtomicBoolean STARTED = new java.util.concurrent.atomic.AtomicBoolean();

    private final ForkJoinPool pool;
    private int parallelism;
    private int peakCarriers;
    private long samples;
    private long sampledNanos;
    private long mountWaitNanos;
    private long saturatedNanos;
    private long saturatedStretchNanos;
    private long longestSaturatedNanos;
    private long peakWaiting;

    SchedulerSampler(ForkJoinPool pool) {
        this.pool = pool;
    }

    /**
     * Starts sampling when the JVM has virtual threads, once per JVM: a later attach reports the figures since the
     * first one. The scheduler is looked up on the sampling thread: reading it initializes {@code VirtualThread},
     * which the agent's start-up should not wait for.
     */
    public static void start(Instrumentation inst) {
        if (Runtime.version().feature() < 21 || !STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread sampling = new Thread(() -> sampleForever(inst), "costlevel-scheduler");
        sampling.setDaemon(true);
        sampling.start();
    }

    /** The figures so far, or null when nothing is sampled (JDK 17, no default scheduler). */
    public static CarrierLoad load() {
        SchedulerSampler sampler = running;
        return sampler == null ? null : sampler.snapshot();
    }

    private static void sampleForever(Instrumentation inst) {
        ForkJoinPool pool = defaultScheduler(inst);
        if (pool == null) {
            return;
        }
        SchedulerSampler sampler = new SchedulerSampler(pool);
        running = sampler;
        long last = System.nanoTime();
        while (true) {
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            sampler.sample(now - last);
            last = now;
        }
    }

    /** {@code VirtualThread.DEFAULT_SCHEDULER}, or null when this JVM has none the agent can read. */
    static ForkJoinPool defaultScheduler(Instrumentation inst) {
        try {
            Class<?> virtualThread = Class.forName("java.lang.VirtualThread", false, null);
            Module base = Object.class.getModule();
            Module self = SchedulerSampler.class.getModule();
            if (!base.isOpen("java.lang", self)) {
                inst.redefineModule(base, Set.of(), Map.of(), Map.of("java.lang", Set.of(self)), Set.of(), Map.of());
            }
            Field field = virtualThread.getDeclaredField("DEFAULT_SCHEDULER");
            field.setAccessible(true);
            Object scheduler = field.get(null);
            return scheduler instanceof ForkJoinPool pool ? pool : null;
        } catch (Throwable notReadable) {
            // Another JDK's internals (or a JVM without continuations): carrier starvation is then not sampled.
            return null;
        }
    }

    /** One sample, {@code elapsedNanos} after the previous one. */
    void sample(long elapsedNanos) {
        long waiting = pool.getQueuedSubmissionCount() + pool.getQueuedTaskCount();
        int carriers = pool.getParallelism();
        boolean saturated = waiting > 0 && pool.getActiveThreadCount() >= carriers;
        record(elapsedNanos, carriers, pool.getPoolSize(), waiting, saturated);
    }

    synchronized void record(long elapsedNanos, int carriers, int poolSize, long waiting, boolean saturated) {
        long elapsed = Math.min(Math.max(elapsedNanos, 0), MAX_GAP_NANOS);
        parallelism = carriers;
        peakCarriers = Math.max(peakCarriers, poolSize);
        samples++;
        sampledNanos += elapsed;
        mountWaitNanos += waiting * elapsed;
        peakWaiting = Math.max(peakWaiting, waiting);
        if (saturated) {
            saturatedNanos += elapsed;
            saturatedStretchNanos += elapsed;
            longestSaturatedNanos = Math.max(longestSaturatedNanos, saturatedStretchNanos);
        } else {
            saturatedStretchNanos = 0;
        }
    }

    synchronized CarrierLoad snapshot() {
        return new CarrierLoad(parallelism, peakCarriers, samples, sampledNanos, mountWaitNanos, saturatedNanos,
                longestSaturatedNanos, peakWaiting);
    }
}
