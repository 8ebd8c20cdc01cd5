package io.costlevel.agent.bootstrap;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Every thread's {@link ThreadCounters}, registered once per thread, merged only when a snapshot is written.
 * Threads that have ended are folded into {@code retired} and dropped, so their counts survive them (exactly:
 * {@code isAlive() == false} orders their last writes before the read).
 *
 * <p>A service that starts a virtual thread per task registers once per task, so registering is kept short: a
 * thread adds itself to {@code ARRIVALS} under a lock held for a few stores, and takes a spare chunk. The clean-up
 * (merging ended threads, up to a millisecond for a thousand of them) runs under another lock, by the one thread
 * whose registration crossed the threshold, while the others go on registering; it used to run under the
 * registrations' own lock, and carriers queued behind it in the kernel.
 *
 * <p>Ended threads' chunks are zeroed and kept as spares, up to {@link #MAX_SPARE_CHUNKS}, for the next threads:
 * otherwise every task allocates a 6.4 KB chunk that lives until the next clean-up, and the collector's copying
 * of those chunks and the kernel's zeroing of the pages the heap grew into cost more than the task
 * (docs/overhead.md, Virtual threads).
 */
public final class CounterRegistry {
    /** Registrations between two clean-ups at least: short-lived threads cannot pile up between snapshots. */
    private static final int CLEANUP_MINIMUM = 1024;
    /** Spare chunks kept at most: 6.4 MB, as many as one clean-up of short-lived threads frees. */
    static final int MAX_SPARE_CHUNKS = 1024;

    /** Threads registered since the last clean-up, the spares, and when to clean up: guarded by ARRIVALS. */
    private static final List<ThreadCounters> ARRIVALS = new ArrayList<>();
    private static final long[][] SPARES = new long[MAX_SPARE_CHUNKS][];
    private static int spareCount;
    private static int nextCleanup = CLEANUP_MINIMUM;
    private static int liveAfterCleanup;
    private static boolean cleaning;

    /** Threads seen by a clean-up or a merge, and the sum of those that ended: guarded by LIVE (taken first). */
    private static final List<ThreadCounters> LIVE = new ArrayList<>();
    private static long[] retired = new long[0];

    private CounterRegistry() {}

    /** Once per thread, at its first counted operation (the hot path never comes here). */
    static void register(ThreadCounters counters) {
        boolean clean;
        synchronized (ARRIVALS) {
            ARRIVALS.add(counters);
            if (spareCount > 0) {
                counters.spareChunk = SPARES[--spareCount];
                SPARES[spareCount] = null;
            }
            clean = !cleaning && liveAfterCleanup + ARRIVALS.size() >= nextCleanup;
            cleaning |= clean;
        }
        if (clean) {
            int live;
            synchronized (LIVE) {
                retireFinished();
                live = LIVE.size();
            }
            synchronized (ARRIVALS) {
                liveAfterCleanup = live;
                nextCleanup = Math.max(CLEANUP_MINIMUM, 2 * live);
                cleaning = false;
            }
        }
    }

    /** Under LIVE: takes in the arrivals, folds the threads that ended into {@code retired}, keeps their chunks. */
    private static void retireFinished() {
        synchronized (ARRIVALS) {
            LIVE.addAll(ARRIVALS);
            ARRIVALS.clear();
        }
        List<long[]> freed = new ArrayList<>();
        for (Iterator<ThreadCounters> it = LIVE.iterator(); it.hasNext(); ) {
            ThreadCounters counters = it.next();
            if (counters.retireIfFinished()) {
                retired = addInto(retired, counters.chunks, counters.virtual);
                it.remove();
                for (long[] chunk : counters.chunks) {
                    if (chunk != null && freed.size() < MAX_SPARE_CHUNKS) {
                        java.util.Arrays.fill(chunk, 0L);
                        freed.add(chunk);
                    }
                }
            }
        }
        synchronized (ARRIVALS) {
            for (int i = 0; i < freed.size() && spareCount < MAX_SPARE_CHUNKS; i++) {
                SPARES[spareCount++] = freed.get(i);
            }
        }
    }

    /** How many zeroed chunks wait for a thread (tests). */
    static int spareChunks() {
        synchronized (ARRIVALS) {
            return spareCount;
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
