package io.costlevel.agent.bootstrap;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Every thread's {@link ThreadCounters}, registered once per thread, merged only when a snapshot is written.
 * Threads that have ended are folded into {@code retired} and dropped, so their counts survive them (exactly:
 * {@code isAlive() == false} orders their last writes before the read) and their arrays are freed.
 */
public final class CounterRegistry {
    private static final List<ThreadCounters> LIVE = new ArrayList<>();
    private static long[] retired = new long[0];

    private CounterRegistry() {}

    static void register(ThreadCounters counters) {
        synchronized (LIVE) {
            LIVE.add(counters);
        }
    }

    /**
     * The sum over all threads, {@code site * Evidence.WIDTH + column}, with {@link Evidence#THREADS} the number of
     * threads that completed an operation at the site. Sites beyond the longest thread array are absent (all zero).
     */
    public static long[] merge() {
        synchronized (LIVE) {
            long[] total = retired.clone();
            for (Iterator<ThreadCounters> it = LIVE.iterator(); it.hasNext(); ) {
                ThreadCounters counters = it.next();
                if (counters.isFinished()) {
                    retired = addInto(retired, counters.counts);
                    total = addInto(total, counters.counts);
                    it.remove();
                } else {
                    total = addInto(total, counters.counts);
                }
            }
            return total;
        }
    }

    /** Adds one thread's array into {@code sum} (grown as needed), counting the thread at each site it used. */
    private static long[] addInto(long[] sum, long[] thread) {
        long[] result = sum.length >= thread.length ? sum : java.util.Arrays.copyOf(sum, thread.length);
        for (int site = 0; site * Evidence.WIDTH < thread.length; site++) {
            int base = site * Evidence.WIDTH;
            for (int column = 0; column < Evidence.THREADS; column++) {
                result[base + column] += thread[base + column];
            }
            if (thread[base + Evidence.OPS] != 0) {
                result[base + Evidence.THREADS]++;
            }
        }
        return result;
    }
}
