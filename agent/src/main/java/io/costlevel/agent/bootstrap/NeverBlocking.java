package io.costlevel.agent.bootstrap;

/**
 * The sites whose operation can never block: an atomic's, a lock's or semaphore's try without a timeout. A timing of
 * one that lasted a context switch was preempted (another thread took the core in between), not the operation's cost:
 * it is counted apart ({@link Evidence#PREEMPTED_TIMINGS}) and left out of the site's latency. Two readers of a
 * Caffeine cache and its maintenance thread on two cores: the read buffer's CAS measured 343 ns per op timed where the
 * whole read costs 16-24 ns of CPU natively, and the cache's line read L2 in 2 of 5 runs instead of L3.
 */
public final class NeverBlocking {
    /** Per site id: 1 when its operation never blocks. Written at transform time, before the site's code can run. */
    private static volatile byte[] sites = new byte[1];

    private NeverBlocking() {}

    public static void install(int maxSites) {
        sites = new byte[maxSites + 1];
    }

    /** At transform time. */
    public static void mark(int site) {
        byte[] flags = sites;
        if (site < flags.length) {
            flags[site] = 1;
        }
    }

    static boolean contains(int site) {
        byte[] flags = sites;
        return site < flags.length && flags[site] != 0;
    }
}
