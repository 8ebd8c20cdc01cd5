package io.costlevel.agent.bootstrap;

/**
 * Settings the hot path reads, installed by the agent once at start, before any instrumented class runs.
 * Plain statics on purpose: they are written once, before the instrumented code that reads them exists.
 */
public final class BootstrapSettings {
    /** One operation in this many (on average) is timed and checked for a handoff. */
    static int samplingPeriod = 64;
    /** What one {@link System#nanoTime()} costs, subtracted from every timed sample. */
    static long clockCostNanos;
    /**
     * Per site, the last sampled toucher: identity hash of the object (high half), thread id (low half), at index
     * {@code site << LAST_TOUCH_SHIFT}: one cache line per site. Every sampled operation stores its toucher, so with
     * sites side by side the sites of one request path shared a line that two threads wrote in turn, and each check
     * began with a cache miss even at sites whose objects the threads do not share.
     */
    static final int LAST_TOUCH_SHIFT = 3;
    static long[] lastTouch = new long[1];
    /**
     * Per site, {@link #LINE_SLOTS} lines it worked on, direct-mapped by line hash: line hash (high half), first
     * thread id (low 31 bits), and {@code SHARED} once a second thread touched it. Sampled ops only.
     */
    static final int LINE_SLOTS = 8;
    static long[] lineOwners = new long[LINE_SLOTS];
    /**
     * The last sampled toucher of each line, whatever the site, direct-mapped by line hash, one cache line per slot
     * (as {@link #lastTouch}): line hash (high half), thread id (low half). 64 KB; a line evicted by a colliding one
     * starts over, so cross-site handoffs are a lower bound.
     */
    static final int LINE_TOUCH_SLOTS = 1024;
    static final long[] lineTouch = new long[LINE_TOUCH_SLOTS << LAST_TOUCH_SHIFT];

    private BootstrapSettings() {}

    public static void install(int sampling, int maxSites, long clockCost) {
        samplingPeriod = sampling;
        clockCostNanos = clockCost;
        lastTouch = new long[(maxSites + 1) << LAST_TOUCH_SHIFT];
        lineOwners = new long[(maxSites + 1) * LINE_SLOTS];
        java.util.Arrays.fill(lineTouch, 0);
    }

    public static long clockCostNanos() {
        return clockCostNanos;
    }

    /**
     * Per site id below {@code sites}, the identity hash of the object its last sampled operation worked on (for an
     * array element, mixed with its block), 0 where none was sampled: two sites whose last objects match worked on the
     * same object (a queue taken from at one and given back to at the other). Read racily, like the counters.
     */
    public static int[] lastObjects(int sites) {
        long[] last = lastTouch;
        int n = Math.min(sites, last.length >>> LAST_TOUCH_SHIFT);
        int[] objects = new int[Math.max(0, n)];
        for (int site = 0; site < n; site++) {
            objects[site] = (int) (last[site << LAST_TOUCH_SHIFT] >>> 32);
        }
        return objects;
    }
}
