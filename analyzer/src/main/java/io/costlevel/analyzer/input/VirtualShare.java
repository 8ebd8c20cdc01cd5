package io.costlevel.analyzer.input;

/**
 * The part of an agent site's counts that virtual threads did (JDK 21+; the agent's {@code virtual*} fields,
 * docs/agent-data-format.md). A virtual thread that blocks unmounts from its carrier, no kernel switch, unless
 * it is pinned: its blocks are tiered apart from a platform thread's.
 *
 * @param threads      virtual threads that used the site
 * @param ops          their operations
 * @param blocks       their parks, waits and sleeps
 * @param blockedNanos the time inside those
 */
public record VirtualShare(int threads, long ops, long blocks, long blockedNanos) {
    public static final VirtualShare NONE = new VirtualShare(0, 0, 0, 0);

    /** Threads take the larger figure, as {@link AgentSite#plus} does for all threads. */
    public VirtualShare plus(VirtualShare o) {
        return new VirtualShare(Math.max(threads, o.threads), ops + o.ops, blocks + o.blocks, blockedNanos + o.blockedNanos);
    }

    /** This share times {@code share} (0..1), as {@link AgentSite#scaled} charges part of a site to one caller. */
    public VirtualShare scaled(double share) {
        return new VirtualShare(threads, AgentSite.part(ops, share), AgentSite.part(blocks, share),
                AgentSite.part(blockedNanos, share));
    }
}
