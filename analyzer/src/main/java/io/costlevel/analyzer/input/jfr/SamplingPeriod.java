package io.costlevel.analyzer.input.jfr;

import one.jfr.Dictionary;

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

    /** By thread id, unboxed: looked up for every sample. */
    private final Dictionary<ThreadSamples> byThread = new Dictionary<>();

    void sample(int tid, long ticks) {
        ThreadSamples t = byThread.get(tid);
        if (t == null) {
            t = new ThreadSamples();
            byThread.put(tid, t);
        }
        t.first = Math.min(t.first, ticks);
        t.last = Math.max(t.last, ticks);
        t.count++;
    }

    double estimateNanos(long ticksPerSecond) {
        double[] best = {Double.MAX_VALUE};
        byThread.forEach((tid, t) -> {
            if (t.count >= MIN_SAMPLES_PER_THREAD && t.last > t.first) {
                best[0] = Math.min(best[0], (double) (t.last - t.first) / (t.count - 1));
            }
        });
        if (best[0] == Double.MAX_VALUE || ticksPerSecond <= 0) {
            return byThread.size() == 0 ? 0 : DEFAULT_NANOS;
        }
        return best[0] * 1e9 / ticksPerSecond;
    }
}
