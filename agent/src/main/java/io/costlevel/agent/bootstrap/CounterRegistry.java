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
    /** Registrations between two clean-ups at least: short-lived threads cannot pile up between snapshots. */
    private static final int CLEANUP_MINIMUM = 1024;
    private static final List<ThreadCounters> LIVE = new ArrayList<>();
    private static long[] retired = new long[0];
    private static int nextCleanup = CLEANUP_MINIMUM;

    private CounterRegistry() {}

    /** Once per thread, at its first counted operation (the hot path never comes here). */
    static void register(ThreadCounters counters) {
        synchronized (LIVE) {
            LIVE.add(counters);
            if (LIVE.size() >= nextCleanup) {
                retireFinished();
                nextCleanup = Math.max(CLEANUP_MINIMUM, 2 * LIVE.size());
            }
        }
    }

    private static void retireFinished() {
        for (Iterator<ThreadCounters> it = LIVE.iterator(); it.hasNext(); ) {
            ThreadCounters counters = it.next();
            if (counters.retireIfFinished()) {
                retired = addInto(retired, counters.chunks, counters.virtual);
                it.remove();
            }
        }
    }

    /**
     * The sum over all threads, {@code site * Evidence.WIDTH + column}, with {@link Evidence#THREADS} the number of
     * threads that completed an operation at the site. Sites beyond the longest thread array are absent (all zero).
     */
    public static long[] merge() {
        synchronized (LIVE) {
            retireFinished();
            long[] total = retired.clone();
            for (ThreadCounters counters : LIVE) {
                total = addInto(total, counters.chunks, counters.virtual);
            }
            return total;
        }
    }

    /**
     * Adds one thread's chunks into {@code sum} (grown as needed), counting the thread at each site it used, and
     * for a virtual thread its ops and blocks in the virtual columns too.
     */
    private static long[] addInto(long[] sum, long[][] chunks, boolean virtual) {
        int width = ThreadCounters.CHUNK_SITES * Evidence.WIDTH;
        int length = chunks.length * width;
        long[] result = sum.length >= length ? sum : java.util.Arrays.copyOf(sum, length);
        for (int index = 0; index < chunks.length; index++) {
            long[] chunk = chunks[index];
            if (chunk != null) {
                addChunk(result, index * width, chunk, virtual);
            }
        }
        return result;
    }

    private static void addChunk(long[] result, int offset, long[] chunk, boolean virtual) {
        for (int base = 0; base < chunk.length; base += Evidence.WIDTH) {
            for (int column = 0; column < Evidence.WIDTH; column++) {
                if (Evidence.writtenByProbes(column)) {
                    result[offset + base + column] += chunk[base + column];
                }
            }
            if (chunk[base + Evidence.OPS] != 0) {
                result[offset + base + Evidence.THREADS]++;
                if (virtual) {
                    addVirtual(result, offset + base, chunk, base);
                }
            }
        }
    }

    private static void addVirtual(long[] result, int at, long[] chunk, int base) {
        result[at + Evidence.VIRTUAL_THREADS]++;
        result[at + Evidence.VIRTUAL_OPS] += chunk[base + Evidence.OPS];
        result[at + Evidence.VIRTUAL_BLOCKS] += chunk[base + Evidence.PARKS] + chunk[base + Evidence.WAITS]
                + chunk[base + Evidence.SLEEPS];
        result[at + Evidence.VIRTUAL_BLOCKED_NANOS] += chunk[base + Evidence.PARKED_NANOS]
                + chunk[base + Evidence.WAITED_NANOS] + chunk[base + Evidence.SLEPT_NANOS];
    }
}
