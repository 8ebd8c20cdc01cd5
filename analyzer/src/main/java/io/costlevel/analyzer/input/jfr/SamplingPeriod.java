package io.costlevel.analyzer.input.jfr;

import java.util.HashMap;
import java.util.Map;

/**
 * Estimates the CPU sampler's period from the samples themselves, since the recording's settings
 * are not reliably readable per event type: a thread that ran all the time was sampled once per
 * period, so the smallest mean gap between one thread's samples is the period.
 */
final class SamplingPeriod {
    /** Fewer samples than this say little about a thread's rate. */
    private static final int MIN_SAMPLES_PER_THREAD = 10;
    /** Used when no thread ran long enough: JFR's default period for Java samples (20 ms). */
    static final double DEFAULT_NANOS = 20e6;

    private static final class ThreadSamples {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long count;
    }

    private final Map<Integer, ThreadSamples> byThread = new HashMap<>();

    void sample(int tid, long ticks) {
        ThreadSamples t = byThread.computeIfAbsent(tid, k -> new ThreadSamples());
        t.first = Math.min(t.first, ticks);
        t.last = Math.max(t.last, ticks);
        t.count++;
    }

    double estimateNanos(long ticksPerSecond) {
        double best = Double.MAX_VALUE;
        for (ThreadSamples t : byThread.values()) {
            if (t.count >= MIN_SAMPLES_PER_THREAD && t.last > t.first) {
                best = Math.min(best, (double) (t.last - t.first) / (t.count - 1));
            }
        }
        if (best == Double.MAX_VALUE || ticksPerSecond <= 0) {
            return byThread.isEmpty() ? 0 : DEFAULT_NANOS;
        }
        return best * 1e9 / ticksPerSecond;
    }
}
