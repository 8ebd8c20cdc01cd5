package io.costlevel.analyzer.classify;

import io.costlevel.analyzer.attribution.SiteTally;
import io.costlevel.analyzer.attribution.UncountedSynchronization;
import io.costlevel.analyzer.input.AgentSite;

/**
 * The figures rules decide on, derived once from a site's tally: per-op rates from the agent's exact
 * counters, sampled latency, and what the recordings saw. Ratios are 0 when their denominator is.
 */
public final class SiteFacts {
    private final SiteTally tally;
    private final AgentSite agent;
    private final RunContext run;

    public SiteFacts(SiteTally tally, RunContext run) {
        this.tally = tally;
        this.agent = tally.agent();
        this.run = run;
    }

    public SiteTally tally() { return tally; }
    public RunContext run() { return run; }

    /** The agent counted this site (it has exact ops and mechanism counters). */
    public boolean counted() { return agent != null && agent.ops() > 0; }

    public AgentSite agent() { return agent; }

    public long ops() { return agent == null ? 0 : agent.ops(); }

    /** Distinct threads that ran the site, summed over JVMs (the agent's exact count, or what a recording saw). */
    public int threads() {
        return tally.threads();
    }

    public int cores() { return run.cores(); }

    /** More threads use this site than there are cores: some of them are descheduled at any moment. */
    public boolean oversubscribed() {
        return run.cores() > 0 && tally.threadsInOneJvm() > run.cores();
    }

    /**
     * Mean measured duration of one operation, or null when the agent timed none. Never negative: the
     * agent subtracts its clock's mean cost, which can exceed an op that costs a few ns.
     */
    public Double latencyNs() {
        return agent == null || agent.latencySamples() == 0 ? null : Math.max(0, agent.meanLatencyNanos());
    }

    public double casFailureRatio() { return agent == null ? 0 : ratio(agent.casFailures(), agent.casAttempts()); }
    public double handoffRatio() { return agent == null ? 0 : ratio(agent.handoffs(), agent.handoffChecks()); }
    public double contendedPerOp() { return agent == null ? 0 : ratio(agent.contended(), agent.ops()); }

    /** Operations that took the thread off its core: parks, Object.wait, sleeps. */
    public long blocks() {
        return agent == null ? 0 : (inferredParksLeftOut() ? 0 : agent.parks()) + agent.waits() + agent.sleeps();
    }

    public long blockedNanos() {
        return agent == null ? 0 : (inferredParksLeftOut() ? 0 : inferredParkedNanos()) + agent.waitedNanos() + agent.sleptNanos();
    }

    /**
     * Of {@link #blockedNanos()}, the parks inferred from a call's timed ops (0 at any other site): an estimate from
     * the calls' timings, which gives way with the timed running time where sites add up to more than their threads
     * had ({@link ThreadTimeBound}).
     */
    public long inferredBlockedNanos() {
        return agent == null || !"call".equals(agent.kind()) || inferredParksLeftOut() ? 0 : inferredParkedNanos();
    }

    /**
     * The agent's parked time; at a call, whose parks are inferred from its slow timed calls, those calls' whole
     * durations, running part included: where CPU samples measure the running time, the parked time is at most the
     * calls' timed total less it, or running and parked time add up to more than the calls took. A {@code Future.get}
     * of an executor round trip (2 threads, 1.5 s): 2.62 s inferred parked and 0.57 s sampled running, against 2.68 s
     * of timed calls, and the threads' 2.985 s then had no room left for their other line's time.
     */
    private long inferredParkedNanos() {
        long parked = agent.parkedNanos();
        if (!"call".equals(agent.kind()) || parked == 0 || agent.latencySamples() == 0 || !samplesMeasureRunning()) {
            return parked;
        }
        double timed = agent.meanLatencyNanos() * agent.ops();
        return (long) Math.min(parked, Math.max(0, timed - tally.cpuNanos()));
    }

    /** A timed call that lasted this long is a park (the agent's {@code BLOCKED_FLOOR_NANOS}: a switch costs 2-100 us). */
    public static final double INFERRED_PARK_FLOOR_NANOS = 5_000;

    /**
     * At a call into a JDK API the agent counts as one op ("call": a ConcurrentHashMap.merge, a queue's take) its
     * parks are inferred: a timed call that lasted over 5 us, scaled to all calls. With more threads than cores a
     * preempted call passes that test as well (8 threads on 2 cores, ConcurrentHashMap.merge over per-thread keys:
     * a quarter of the thread time "parked" in a call that never blocks). Where the recording measures the site
     * (its CPU samples measure the running time), its park and monitor events, every one over its threshold, are
     * the blocking then, and the inferred parks are left out.
     */
    public boolean inferredParksLeftOut() {
        return "call".equals(agent.kind()) && oversubscribed() && samplesMeasureRunning();
    }
    public double blocksPerOp() { return ratio(blocks(), ops()); }
    public double blockedNsPerOp() { return ratio(blockedNanos(), ops()); }
    public double blockedNsPerBlock() { return ratio(blockedNanos(), blocks()); }
    public double contendedNsPerOp() { return agent == null ? 0 : ratio(agent.contendedNanos(), agent.ops()); }

    /** Blocks of platform threads only: a virtual thread's block unmounts it, no kernel switch (unless pinned). */
    public long platformBlocks() { return Math.max(0, blocks() - virtualBlocks()); }
    public long platformBlockedNanos() { return Math.max(0, blockedNanos() - virtualBlockedNanos()); }
    public double platformBlockedNsPerOp() { return ratio(platformBlockedNanos(), ops()); }
    public double platformBlockedNsPerBlock() { return ratio(platformBlockedNanos(), platformBlocks()); }

    /** The agent's count of parks, waits and sleeps by virtual threads (JDK 21+), and their time. */
    public long virtualBlocks() { return agent == null ? 0 : agent.virtual().blocks(); }
    public long virtualBlockedNanos() { return agent == null ? 0 : agent.virtual().blockedNanos(); }
    public double virtualBlockedNsPerBlock() { return ratio(virtualBlockedNanos(), virtualBlocks()); }

    public long yields() { return agent == null ? 0 : agent.yields(); }
    public double yieldsPerOp() { return ratio(yields(), ops()); }
    public double wakeupsPerOp() { return agent == null ? 0 : ratio(agent.wakeups(), agent.ops()); }

    public long spins() { return agent == null ? 0 : agent.spins(); }
    public long spinWaits() { return agent == null ? 0 : agent.spinWaits(); }
    /** onSpinWait calls per completed spin wait (all spins when no wait completed yet). */
    public double spinsPerWait() { return spinWaits() == 0 ? spins() : (double) spins() / spinWaits(); }

    /** What the agent counted in this site's method, when it counted nothing at this line itself; else null. */
    public MethodOps methodOps() {
        if (agent != null) {
            return null;
        }
        return run.methods().get(MethodOps.key(tally.site().className(), tally.site().methodName()));
    }

    /**
     * The agent's primitive whose waits are this line's, of the calls the line makes itself ({@link
     * WaitPurpose#blockingPrimitive}), or null. A line whose counters come from the library sites its call reaches
     * keeps the line's own reading: a library's inner calls say how it waits, not what for (HikariCP's borrow parks in a
     * {@code SynchronousQueue.poll}, a take, for a connection the other thread holds).
     */
    public String blockingPrimitive() {
        return agent == null ? null : WaitPurpose.blockingPrimitive(tally.ownSites(), agent.primitive());
    }

    public long jfrBlockingEvents() { return tally.jfrBlockingEvents(); }
    public long cpuSamples() { return tally.cpuSamples(); }

    /** CPU samples here ran inside JDK synchronization the agent did not count (its silence is no evidence). */
    public boolean uncountedSync() { return UncountedSynchronization.significant(tally); }

    /** Any synchronization seen here, by the agent or the recording (virtual-thread handoffs and pins included). */
    public boolean synchronizes() {
        return counted() || jfrBlockingEvents() > 0 || tally.pinnedEvents() > 0 || tally.virtualBlockEvents() > 0
                || tally.virtualHandoffSamples() > 0;
    }

    /**
     * The measured cost of one operation, which rules cross-check a mechanism against: where CPU samples measure
     * the site's running time ({@link #samplesMeasureRunning()}), its CPU time plus the blocks the agent counted,
     * per op; else the agent's sampled latency; for a spin site, whose ops are single onSpinWait calls, the time
     * of a whole spin wait is the cost the waiting thread pays. The report's ns/op is the site's time over its ops
     * ({@link Assessment}).
     */
    public Double nsPerOp() {
        Double latency = latencyNs();
        if (latency != null && spins() > 0 && spinWaits() > 0) {
            // A timed onSpinWait that was preempted counts a whole time slice, so the product can
            // exceed the thread time there was: no wait lasted longer than all threads' time over all waits.
            double wallBound = threads() * wallSeconds() * 1e9 / spinWaits();
            return Math.min(latency * spinsPerWait(), wallBound > 0 ? wallBound : Double.MAX_VALUE);
        }
        if (samplesMeasureRunning()) {
            return (tally.cpuNanos() + blockedNanos()) / ops();
        }
        return latency;
    }

    /**
     * CPU samples, not the agent's timed ops, measure the time this site's ops ran: the agent timed some, the
     * recording has at least {@link MinimumEvidence#MIN_TIME_SAMPLES} samples here (or 10 that the timing disagrees
     * with, {@link MinimumEvidence#samplesRefute}: above them with more threads than cores, below them anywhere; or
     * any, where the timing is 0), all at the period async-profiler
     * ran with (a period estimated from the samples' spacing, JFR's, is too long where threads wait for a core:
     * 78 ms for JFR's 20 ms at 8 threads on 2 cores), and the site neither yields nor spins. A timed op also counts the time its thread waited for a core inside it (one preempted op
     * carries a time slice, scaled by the sampling period to all ops: with threads > cores most of what the
     * timing measures) and loses an op cheaper than the clock read it subtracts (an uncontended monitor); where
     * the site yields or spins, giving the core away or waiting on it is the mechanism, and the timing keeps it.
     */
    public boolean samplesMeasureRunning() {
        if (latencyNs() == null || yields() != 0 || spins() != 0 || !tally.cpuTimeExact()) {
            return false;
        }
        long samples = cpuSamples();
        if (latencyNs() == 0 || MinimumEvidence.enoughTimeSamples(samples)) {
            // A timing of 0 is an op cheaper than the clock's own cost, which it subtracts: no figure at all, where
            // any sample measures something.
            return true;
        }
        // Fewer samples overrule a timing above them only where threads outnumber cores, its bias there (time slices)
        // being far larger than theirs: with a core per thread a line's samples move between it and the probes after
        // it from one compilation to the next (a CAS loop at one thread on JDK 25: 71 then 28 samples in two runs of
        // 1.8 s at the same rate of ops), and the timing, which reads a few ns high, is the steadier figure. A timing
        // below them lost the op to the clock cost it subtracts, wherever it ran.
        double timed = latencyNs() * ops() - countedBlockedNanos();
        double period = tally.cpuNanos() / samples;
        return MinimumEvidence.samplesRefute(samples, period, timed) && (oversubscribed() || timed < samples * period);
    }

    /** {@link #blockedNanos()} with a call's inferred parks kept (whether they are left out depends on the samples). */
    private long countedBlockedNanos() {
        return agent.blockedNanos();
    }

    /**
     * Operations in the unit of {@link #nsPerOp()}: spin waits for a spin site (its ops are single onSpinWait
     * calls), else the agent's ops; 0 when the agent did not count.
     */
    public long opsInUnit() {
        if (!counted()) {
            return 0;
        }
        return spins() > 0 && spinWaits() > 0 ? spinWaits() : ops();
    }

    /** Operations per second of wall time (ops of every JVM that ran the site over the union of their times), or null. */
    public Double opsPerSecond() {
        long ops = opsInUnit();
        return ops == 0 || wallSeconds() <= 0 ? null : ops / wallSeconds();
    }

    /**
     * The wall time of the JVMs that ran this site (the run's when not known): JVMs side by side count once, one
     * after another add up, and the JVMs that never ran the site do not dilute its rates.
     */
    public double wallSeconds() {
        return tally.wallSeconds() > 0 ? tally.wallSeconds() : run.durationSeconds();
    }

    private static double ratio(double part, double whole) {
        return whole == 0 ? 0 : part / whole;
    }
}
