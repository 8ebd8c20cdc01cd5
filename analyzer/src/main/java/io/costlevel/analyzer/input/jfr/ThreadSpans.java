package io.costlevel.analyzer.input.jfr;

import java.util.HashMap;
import java.util.Map;

/**
 * How long each thread of a recording was seen: from its first sample or event to the end of its last. The sum over
 * the threads that ran application sites is the thread time they had, the most that all sites together can hold (a
 * site's time is the time its threads spent there); the JVM's own threads (compilers, GC, the recorders) run no site
 * and are left out. A thread is seen a little shorter than it lived (its first sample comes up to one sampling
 * interval after it started), never longer.
 *
 * <p>Updated on every sample and blocking event, so without boxing: thread ids in an open-addressing table, and the
 * slot of the thread seen last kept (a recording holds runs of one thread's events).
 */
final class ThreadSpans {
    private int[] tids = new int[64];
    private long[] firsts = new long[64];
    private long[] lasts = new long[64];
    /** 0: free slot; 1: a thread seen; 2: a thread seen at an application site. */
    private byte[] states = new byte[64];
    /** The Java thread id of each slot's thread, 0 when its recording does not say. */
    private long[] javaIds = new long[64];
    /** The thread's CPU samples (running ones only), its CPU time where the sampling period is exact. */
    private long[] cpuSamples = new long[64];
    private int size;
    private int lastTid;
    private int lastSlot = -1;

    /** The slot of thread {@code tid}, added on its first event. */
    int slotOf(int tid) {
        if (lastSlot >= 0 && tid == lastTid) {
            return lastSlot;
        }
        int mask = tids.length - 1;
        int i = (tid * 0x9E3779B9) >>> 1 & mask;
        while (states[i] != 0 && tids[i] != tid) {
            i = (i + 1) & mask;
        }
        if (states[i] == 0) {
            if (2 * (size + 1) > tids.length) {
                grow();
                return slotOf(tid);
            }
            tids[i] = tid;
            states[i] = 1;
            firsts[i] = Long.MAX_VALUE;
            javaIds[i] = 0;
            cpuSamples[i] = 0;
            lasts[i] = Long.MIN_VALUE;
            size++;
        }
        lastTid = tid;
        lastSlot = i;
        return i;
    }

    /** The thread in {@code slot} was alive from {@code startTicks} to {@code endTicks} (equal for a sample). */
    void extend(int slot, long startTicks, long endTicks) {
        firsts[slot] = Math.min(firsts[slot], startTicks);
        lasts[slot] = Math.max(lasts[slot], endTicks);
    }

    /** {@code n} CPU samples of the thread in {@code slot}. */
    void cpuSamples(int slot, long n) {
        cpuSamples[slot] += n;
    }

    boolean knowsJavaThread(int slot) {
        return javaIds[slot] != 0;
    }

    void javaThread(int slot, long javaId) {
        javaIds[slot] = javaId;
    }

    boolean atSite(int slot) {
        return states[slot] == 2;
    }

    void markAtSite(int slot) {
        states[slot] = 2;
    }

    /**
     * Each thread seen at an application site with its span in nanoseconds, under its key in the analysis
     * ({@code keyBase | tid}, as events are charged): what bounds the time of the sites those threads ran.
     */
    /**
     * Keys of one Java thread seen under two ids (a recording merged from the JDK's and async-profiler's chunks names
     * a thread by its JFR id in one and by its OS id in the other), each to the first of them: one thread's time,
     * counted once by {@link io.costlevel.analyzer.classify.ThreadTimeBound}. Keys of no other thread are absent.
     */
    Map<Long, Long> sameThreadByKey(long keyBase) {
        Map<Long, Long> firstKeyOfJavaThread = new HashMap<>();
        Map<Long, Long> same = new HashMap<>();
        for (int i = 0; i < states.length; i++) {
            if (states[i] == 2 && javaIds[i] != 0) {
                long key = keyBase | (tids[i] & 0xffffffffL);
                Long first = firstKeyOfJavaThread.putIfAbsent(javaIds[i], key);
                if (first != null) {
                    same.put(key, first);
                }
            }
        }
        return same;
    }

    Map<Long, Double> spansByThreadKey(long keyBase, long ticksPerSec) {
        Map<Long, Double> spans = new HashMap<>();
        if (ticksPerSec <= 0) {
            return spans;
        }
        for (int i = 0; i < states.length; i++) {
            if (states[i] == 2) {
                spans.put(keyBase | (tids[i] & 0xffffffffL), (lasts[i] - firsts[i]) * 1e9 / ticksPerSec);
            }
        }
        return spans;
    }

    /**
     * Each thread seen at an application site with the CPU time it had at least, by its key in the analysis: its
     * samples x {@code periodNanos}, less one sample (a per-thread CPU timer's phase) and the square root of their count
     * (a process-wide timer, async-profiler's last fallback, lands its signals on whichever thread runs). With its span,
     * the most it was off its core (parked, waiting, or waiting for one).
     */
    Map<Long, Double> cpuByThreadKey(long keyBase, double periodNanos) {
        Map<Long, Double> cpu = new HashMap<>();
        for (int i = 0; i < states.length; i++) {
            if (states[i] == 2) {
                double n = cpuSamples[i];
                cpu.put(keyBase | (tids[i] & 0xffffffffL), Math.max(0, n - 1 - Math.sqrt(n)) * periodNanos);
            }
        }
        return cpu;
    }

    private void grow() {
        int[] oldTids = tids;
        long[] oldFirsts = firsts;
        long[] oldLasts = lasts;
        byte[] oldStates = states;
        long[] oldJavaIds = javaIds;
        long[] oldCpuSamples = cpuSamples;
        int n = oldTids.length * 2;
        tids = new int[n];
        firsts = new long[n];
        lasts = new long[n];
        states = new byte[n];
        javaIds = new long[n];
        cpuSamples = new long[n];
        size = 0;
        lastSlot = -1;
        for (int i = 0; i < oldTids.length; i++) {
            if (oldStates[i] != 0) {
                int slot = slotOf(oldTids[i]);
                firsts[slot] = oldFirsts[i];
                lasts[slot] = oldLasts[i];
                states[slot] = oldStates[i];
                javaIds[slot] = oldJavaIds[i];
                cpuSamples[slot] = oldCpuSamples[i];
            }
        }
    }
}
