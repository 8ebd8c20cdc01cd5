package io.costlevel.analyzer.classify;

import io.costlevel.analyzer.input.AgentSite;

import java.util.Map;

/**
 * One site's thread time, from every source of evidence, split by what it was spent on. Each source adds to the
 * same buckets, and where two sources see the same time (the agent's timed ops and a recording's parks inside
 * them) the larger estimate counts once:
 * <ul>
 *   <li><b>blocked</b>: the agent's parks, waits and sleeps at the site, or the recording's park, monitor, wait
 *       and sleep events charged there, whichever is more (the agent counts every block it sees, the recording
 *       also sees the parks inside a JDK lock the line called). Split by {@link WaitPurpose}: contention is
 *       cost; idle and I/O wait are shown apart.</li>
 *   <li><b>running</b> (on a core, or runnable and preempted inside the op): the agent's timed ops (sampled
 *       latency, its clock's cost already taken out, x ops) minus the blocks it counted inside them; where the
 *       agent timed no op (plain code, no agent), the CPU samples' time.</li>
 * </ul>
 * Running time is in the tier of the site's non-blocking mechanism (what the counters show: an uncontended
 * atomic, a line moving, a spin, a yield); contention blocking is a context switch (L4), or a system call (L3)
 * when the blocks are too short to have switched. No thread can spend more time at a site than the run had,
 * so the total is bounded by threads x wall time.
 */
public final class SiteTime {
    private final double[] tierNanos = new double[Tiers.count()];
    private final double runningNanos;
    private final double contentionNanos;
    private final double idleNanos;
    private final double ioNanos;
    private final int runningTier;
    private final int blockedTier;
    private final boolean blockedFromAgent;

    /** @param runningTier the tier of the site's non-blocking mechanism, from the rules */
    SiteTime(SiteFacts f, int runningTier) {
        AgentSite a = f.agent();
        double agentBlocked = f.blockedNanos();
        WaitPurpose agentPurpose = WaitPurpose.of(a == null ? null : a.primitive());
        double[] agentByPurpose = new double[WaitPurpose.values().length];
        agentByPurpose[agentPurpose.ordinal()] = agentBlocked;

        double[] recordedByPurpose = new double[WaitPurpose.values().length];
        double recordedOther = 0;
        for (Map.Entry<String, Long> chain : f.tally().blockedNanosByChain().entrySet()) {
            WaitPurpose p = WaitPurpose.of(chain.getKey());
            if (p != WaitPurpose.CONTENTION) {
                recordedByPurpose[p.ordinal()] += chain.getValue();
                recordedOther += chain.getValue();
            }
        }
        recordedByPurpose[WaitPurpose.CONTENTION.ordinal()] = Math.max(0, f.tally().jfrBlockedNanos() - recordedOther);

        double contention = Math.max(agentByPurpose[0], recordedByPurpose[0]);
        double idle = Math.max(agentByPurpose[WaitPurpose.IDLE.ordinal()], recordedByPurpose[WaitPurpose.IDLE.ordinal()]);
        double io = Math.max(agentByPurpose[WaitPurpose.IO.ordinal()], recordedByPurpose[WaitPurpose.IO.ordinal()]);
        this.blockedFromAgent = agentByPurpose[0] > 0 && agentByPurpose[0] >= recordedByPurpose[0];
        double blocked = contention + idle + io;
        // No thread spends more time at a site than the run lasted: threads x wall time bounds the site (a thread
        // count below the truth, or clocks that disagree, would otherwise give a site more time than there was).
        double bound = f.threads() * f.wallSeconds() * 1e9;
        if (bound > 0 && blocked > bound) {
            double scale = bound / blocked;
            contention *= scale;
            idle *= scale;
            io *= scale;
            blocked = bound;
        }
        this.contentionNanos = contention;
        this.idleNanos = idle;
        this.ioNanos = io;

        Double latency = f.latencyNs();
        // The agent's timed ops include the blocks it counted at the same call (a Condition.await op is its park),
        // not those a recording saw inside a library call the agent does not time as blocking. CPU samples stand
        // for running time only where no op was timed: at a 10-20 ms period a line gets few of them, and the
        // timed ops are the finer measure of the same time.
        double running = latency != null ? latency * f.ops() - agentBlocked : f.tally().cpuNanos();
        if (bound > 0 && running + blocked > bound) {
            // A timed op preempted while its clock ran counts a time slice: the running estimate gives way first.
            running = bound - blocked;
        }
        this.runningNanos = Math.max(0, running);
        this.runningTier = runningTier;
        // Blocks the agent timed shorter than a switch found their permit at once: a system call.
        this.blockedTier = blockedFromAgent && f.blocks() > 0 && agentByPurpose[0] / f.blocks() < Tiers.L4_FLOOR_NS
                ? Tiers.L3_SYSCALL : Tiers.L4_CONTEXT_SWITCH;
        tierNanos[runningTier] += runningNanos;
        tierNanos[blockedTier] += contentionNanos;
    }

    /** Thread time in the tier buckets: the site's cost (idle and I/O wait left out). */
    public double tieredNanos() {
        return runningNanos + contentionNanos;
    }

    public double nanosIn(int tier) {
        return tierNanos[tier];
    }

    public double runningNanos() { return runningNanos; }
    public double contentionNanos() { return contentionNanos; }
    public double idleNanos() { return idleNanos; }
    public double ioNanos() { return ioNanos; }
    public int runningTier() { return runningTier; }
    public int blockedTier() { return blockedTier; }
    /** The contention blocking figure is the agent's (exact counts), not the recording's (events above a threshold). */
    public boolean blockedFromAgent() { return blockedFromAgent; }

    /** All time at the site, idle and I/O wait included. */
    public double totalNanos() {
        return tieredNanos() + idleNanos + ioNanos;
    }

    /** Waiting for work or I/O is most of the site's time: shown apart, not ranked. */
    public boolean idle() {
        return idleNanos + ioNanos > tieredNanos();
    }

    /** The larger kind of non-cost wait, or null when there is none. */
    public WaitPurpose waitKind() {
        if (idleNanos == 0 && ioNanos == 0) {
            return null;
        }
        return ioNanos > idleNanos ? WaitPurpose.IO : WaitPurpose.IDLE;
    }

    /**
     * The tier where most of the site's cost goes (ties to the costlier one), or -1 when no time was measured.
     * A site split between tiers is in the one with the larger share; the others get a reason line each.
     */
    public int dominantTier() {
        int best = -1;
        for (int t = 0; t < tierNanos.length; t++) {
            if (tierNanos[t] > 0 && (best < 0 || tierNanos[t] >= tierNanos[best])) {
                best = t;
            }
        }
        return best;
    }

    /** Fraction of the tiered time in that tier, 0 when there is none. */
    public double share(int tier) {
        double total = tieredNanos();
        return total == 0 ? 0 : tierNanos[tier] / total;
    }
}
