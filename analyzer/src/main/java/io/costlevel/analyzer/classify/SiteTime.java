package io.costlevel.analyzer.classify;

import io.costlevel.analyzer.input.AgentSite;

import java.util.List;
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
 * atomic, a line moving, a spin, a yield), or shared among the tiers of the library sites a line's calls reach by
 * the time each took ({@link RunningPart}); contention blocking is a context switch (L4), or a system call (L3)
 * when the blocks are too short to have switched. Virtual threads' blocks (JDK 21+) are kept apart from platform
 * threads': one that unmounted is no kernel switch, so its contention time is in the tier its measured cost per
 * block says (L3, or L2 when shorter than a system call: {@code VirtualThreadRule}); one that blocked pinned
 * (jdk.VirtualThreadPinned) held its carrier, which the kernel switched out: that time is L4 whatever the virtual
 * thread waited for, since the other virtual threads lost the carrier. No thread can spend more time at a site
 * than the run had, so the total is bounded by threads x wall time.
 */
public final class SiteTime {
    private final double[] tierNanos = new double[Tiers.count()];
    /** The running time by tier: all in {@link #runningTier} unless a line's library sites share it. */
    private final double[] runningByTier = new double[Tiers.count()];
    private final double runningNanos;
    /** The running time came from the agent's timed ops, not from CPU samples ({@link #runningFromTiming()}). */
    private final boolean runningFromTiming;
    private final double contentionNanos;
    private final double unmountedNanos;
    private final double pinnedNanos;
    private final double idleNanos;
    private final double ioNanos;
    /** The part of idle and I/O wait that virtual threads spent unmounted. */
    private final double virtualWaitNanos;
    private final int runningTier;
    private final int blockedTier;
    private final int unmountedTier;
    private final boolean blockedFromAgent;
    /** Of the contention, the parks inferred from the agent's timed calls (scaled as the timed running time). */
    private final double inferredBlockedNanos;
    /** The same parks before any bound scaled or cut them ({@link TimedScales.Scale#parksFactor()} applies to it). */
    private final double inferredEstimateNanos;
    private final boolean timedBlocked;

    /**
     * @param running       the parts of the running time, each in its mechanism's tier, weighed by their time
     * @param unmountedTier the tier of its virtual threads' unmounting blocks (L2 or L3, from their cost per block)
     */
    SiteTime(SiteFacts f, List<RunningPart> running, int unmountedTier) {
        AgentSite a = f.agent();
        // A round trip's waits are contention in the recording's chains too: the same waits, seen twice.
        boolean roundTrip = a != null && (WaitPurpose.roundTrip(a.primitive(), f.ops(), f.blocks(), f.blockedNanos(), a.meanLatencyNanos())
                || WaitPurpose.roundTrip(f.tally().sitesHere()))
                || !f.counted() && WaitPurpose.recordedRoundTrip(f.jfrBlockingEvents(), f.tally().jfrBlockedNanos());
        WaitPurpose.Waits waits = new WaitPurpose.Waits(roundTrip, f.tally().poolGivenBackAt() != null);
        WaitPurpose agentPurpose = waits.of(f.blockingPrimitive());
        double[] platform = byPurpose(agentPurpose, waits, f.platformBlockedNanos(),
                f.tally().blockedNanosByChain(), f.tally().jfrBlockedNanos());
        double[] virtual = byPurpose(agentPurpose, waits, f.virtualBlockedNanos(),
                f.tally().virtualBlockedNanosByChain(), f.tally().virtualBlockNanos());
        // A pinned block is one of the virtual thread's blocks (the agent counts it by the thread's kind, the
        // recording as its park or sleep): its time moves to the carrier, whatever the thread waited for.
        double pinned = f.tally().pinnedNanos();
        double virtualTotal = sum(virtual);
        if (virtualTotal > 0) {
            scale(virtual, Math.max(0, virtualTotal - pinned) / virtualTotal);
        }
        int contention = WaitPurpose.CONTENTION.ordinal();
        double agentPlatformContention = agentPurpose == WaitPurpose.CONTENTION ? f.platformBlockedNanos() : 0;
        this.blockedFromAgent = agentPlatformContention > 0 && agentPlatformContention >= platform[contention];
        double[] blocked = {platform[contention], virtual[contention], pinned,
                platform[WaitPurpose.IDLE.ordinal()] + virtual[WaitPurpose.IDLE.ordinal()],
                platform[WaitPurpose.IO.ordinal()] + virtual[WaitPurpose.IO.ordinal()],
                virtual[WaitPurpose.IDLE.ordinal()] + virtual[WaitPurpose.IO.ordinal()]};
        // No thread spends more time at a site than the run lasted: threads x wall time bounds the site (a thread
        // count below the truth, or clocks that disagree, would otherwise give a site more time than there was).
        double bound = f.threads() * f.wallSeconds() * 1e9;
        double blockedSum = blocked[0] + blocked[1] + blocked[2] + blocked[3] + blocked[4];
        if (bound > 0 && blockedSum > bound) {
            scale(blocked, bound / blockedSum);
            blockedSum = bound;
        }
        // The parks the agent inferred from a call's timed ops are a timed estimate too: they give way with the
        // timed running time (an executor round trip's Future.get, timed at 20.7 us per call, and its submit, at
        // 1.7 us, added up to 22.4 us per op in a run whose threads had 20.75).
        TimedScales.Scale scale = f.run().timedScales().of(f.tally());
        double factor = scale.factor();
        double inferred = blockedFromAgent ? Math.min(blocked[0], f.inferredBlockedNanos()) : 0;
        this.timedBlocked = inferred > 0;
        this.inferredEstimateNanos = inferred;
        double inferredKept = inferred * scale.parksFactor();
        blocked[0] -= inferred - inferredKept;
        blockedSum -= inferred - inferredKept;

        this.runningFromTiming = runningFromTiming(f);
        double runningTime = runningNanos(f, runningFromTiming);
        if (bound > 0 && runningTime + blockedSum > bound) {
            if (!runningFromTiming) {
                // Running time the CPU samples measured stays; the parks inferred from timed calls give way first (a
                // queue's offer and poll, 2 threads: 4.9 s inferred in a run of 2.4 s left its sampled 1.9 s no room).
                double cut = Math.min(inferredKept, runningTime + blockedSum - bound);
                inferredKept -= cut;
                blocked[0] -= cut;
                blockedSum -= cut;
            }
            // A timed op preempted while its clock ran counts a time slice: the running estimate gives way first.
            runningTime = Math.min(runningTime, bound - blockedSum);
        }
        this.inferredBlockedNanos = inferredKept;
        this.contentionNanos = blocked[0];
        this.unmountedNanos = blocked[1];
        this.pinnedNanos = blocked[2];
        this.idleNanos = blocked[3];
        this.ioNanos = blocked[4];
        this.virtualWaitNanos = blocked[5];
        if (runningFromTiming) {
            // The sites of this site's threads (or the run's) added up to more time than they had: the timed
            // estimates give way.
            runningTime *= factor;
        }
        this.runningNanos = Math.max(0, runningTime);
        double[] weights = new double[Tiers.count()];
        double allWeights = 0;
        for (RunningPart part : running) {
            weights[part.verdict().tier()] += part.nanos();
            allWeights += part.nanos();
        }
        int heaviest = running.get(0).verdict().tier();
        for (int t = 0; t < weights.length; t++) {
            runningByTier[t] = runningNanos * weights[t] / allWeights;
            tierNanos[t] += runningByTier[t];
            // Ties go to the costlier tier, as in dominantTier().
            heaviest = weights[t] > 0 && weights[t] >= weights[heaviest] ? t : heaviest;
        }
        this.runningTier = heaviest;
        this.unmountedTier = unmountedTier;
        // Blocks the agent timed shorter than a switch found their permit at once: a system call.
        this.blockedTier = blockedFromAgent && f.platformBlocks() > 0
                && agentPlatformContention / f.platformBlocks() < Tiers.L4_FLOOR_NS
                ? Tiers.L3_SYSCALL : Tiers.L4_CONTEXT_SWITCH;
        tierNanos[blockedTier] += contentionNanos;
        tierNanos[unmountedTier] += unmountedNanos;
        tierNanos[Tiers.L4_CONTEXT_SWITCH] += pinnedNanos;
    }

    /**
     * Time on a core at the site: the CPU samples' time where no op was timed or where the samples measure it
     * ({@link SiteFacts#samplesMeasureRunning()}), else the agent's timed ops less the blocks it counted inside
     * them (a Condition.await op is its park).
     */
    static double runningNanos(SiteFacts f) {
        return runningNanos(f, runningFromTiming(f));
    }

    private static double runningNanos(SiteFacts f, boolean fromTiming) {
        return fromTiming ? f.latencyNs() * f.ops() - f.blockedNanos() : f.tally().cpuNanos();
    }

    private static boolean runningFromTiming(SiteFacts f) {
        return f.latencyNs() != null && !f.samplesMeasureRunning();
    }

    /**
     * Blocked time by {@link WaitPurpose}, the larger of the agent's figure (all of it for the purpose of its
     * primitive) and the recording's (each chain's time for the chain's purpose; time in no chain, in the site
     * itself, is contention; at a round trip, {@link WaitPurpose#roundTrip}, waits for completion are contention, and
     * at a pool's take, waits in the take).
     */
    private static double[] byPurpose(WaitPurpose agentPurpose, WaitPurpose.Waits waits, double agentNanos,
                                      Map<String, Long> recordedByChain, double recordedNanos) {
        double[] recorded = new double[WaitPurpose.values().length];
        double recordedOther = 0;
        for (Map.Entry<String, Long> chain : recordedByChain.entrySet()) {
            WaitPurpose p = waits.of(chain.getKey());
            if (p != WaitPurpose.CONTENTION) {
                recorded[p.ordinal()] += chain.getValue();
                recordedOther += chain.getValue();
            }
        }
        recorded[WaitPurpose.CONTENTION.ordinal()] = Math.max(0, recordedNanos - recordedOther);
        recorded[agentPurpose.ordinal()] = Math.max(recorded[agentPurpose.ordinal()], agentNanos);
        return recorded;
    }

    private static double sum(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum;
    }

    private static void scale(double[] values, double factor) {
        for (int i = 0; i < values.length; i++) {
            values[i] *= factor;
        }
    }

    /** Thread time in the tier buckets: the site's cost (idle and I/O wait left out). */
    public double tieredNanos() {
        return runningNanos + contentionNanos + unmountedNanos + pinnedNanos;
    }

    public double nanosIn(int tier) {
        return tierNanos[tier];
    }

    public double runningNanos() { return runningNanos; }
    /** Whether {@link #runningNanos()} is the agent's timed ops' estimate (else the CPU samples' time). */
    public boolean runningFromTiming() { return runningFromTiming; }
    /** Whether part of the contention is parks the agent inferred from timed calls ({@link #inferredBlockedNanos}). */
    public boolean blockedFromTiming() { return timedBlocked; }
    /** Of {@link #contentionNanos()}, the parks the agent inferred from a call's timed ops. */
    public double inferredBlockedNanos() { return inferredBlockedNanos; }
    /** {@link #inferredBlockedNanos()} as the agent's timings gave it, before any bound. */
    public double inferredEstimateNanos() { return inferredEstimateNanos; }
    /** The site's time that comes from the agent's timings: the timed running time, the inferred parks. */
    public double timedNanos() { return (runningFromTiming ? runningNanos : 0) + inferredBlockedNanos; }
    /** The running time in {@code tier}: all of it in {@link #runningTier()} unless library sites share it. */
    public double runningNanosIn(int tier) { return runningByTier[tier]; }
    public double contentionNanos() { return contentionNanos; }
    public double idleNanos() { return idleNanos; }
    public double ioNanos() { return ioNanos; }
    public int runningTier() { return runningTier; }
    public int blockedTier() { return blockedTier; }
    /** Virtual threads' contention blocks that unmounted, in {@link #unmountedTier()}. */
    public double unmountedNanos() { return unmountedNanos; }
    public int unmountedTier() { return unmountedTier; }
    /** Virtual threads' blocks while pinned: their carriers' time, in L4. */
    public double pinnedNanos() { return pinnedNanos; }
    /** The idle and I/O wait was mostly virtual threads' (unmounted: waiting costs no carrier). */
    public boolean virtualWait() { return virtualWaitNanos * 2 > idleNanos + ioNanos; }
    /** The contention blocking figure is the agent's (exact counts), not the recording's (events above a threshold). */
    public boolean blockedFromAgent() { return blockedFromAgent; }

    /** All time at the site, idle and I/O wait included. */
    public double totalNanos() {
        return tieredNanos() + idleNanos + ioNanos;
    }

    /** Blocked (for any purpose) at least as long as the site ran: its blocks, not its running, explain it. */
    public boolean mostlyBlocked() {
        double blocked = totalNanos() - runningNanos;
        return blocked > 0 && blocked >= runningNanos;
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
