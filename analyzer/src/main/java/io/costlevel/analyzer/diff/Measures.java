package io.costlevel.analyzer.diff;

import java.util.List;

/**
 * The figures compared per site, named as in the output. Counts come from the report's evidence
 * (docs/report.md); each ratio is rebuilt from its counts because the test needs them, not the
 * rounded ratio the report prints.
 */
final class Measures {
    static final String CPU_SAMPLES = "jfrCpuSamples";
    /**
     * A site's CPU samples among those of all sites both runs have: its share of the CPU, measured
     * against the same sites on both sides, so that a site gone or new elsewhere moves no other
     * site's share, and a machine that runs the whole program slower (load) moves none.
     */
    static final String CPU_SHARE = "cpuSampleShare";
    /** A site's CPU samples per second of run: what it burns, whatever the other sites do. */
    static final String CPU_PER_SECOND = "cpuSamplesPerSecond";
    /** No rule decides on a share: one percentage point of the CPU is where it starts to matter. */
    static final double MIN_SHARE_DIFFERENCE = 0.01;

    /*
     * How large a change of a mechanism figure must be to matter: the threshold the tier rule deciding
     * on that figure uses (classify/rules). A run-to-run change smaller than the threshold itself can
     * be far beyond the sampling noise of tens of millions of ops and still say nothing about the
     * tier: two runs of S06 at 2 threads on a loaded machine measured 0.23 % and 0.07 % handoffs.
     */
    /** TrueSharingRule.MIN_CAS_FAILURE_RATIO. */
    static final double MIN_CAS_FAILURE_DIFFERENCE = 0.001;
    /** TrueSharingRule.MIN_HANDOFF_RATIO. */
    static final double MIN_HANDOFF_DIFFERENCE = 0.1;
    /** TrueSharingRule.MIN_CONTENDED_PER_OP, YieldRule.MIN_YIELDS_PER_OP; parks per op likewise. */
    static final double MIN_PER_OP_DIFFERENCE = 0.01;
    /**
     * ... and it must at least double or halve: the tiers are an order of magnitude apart, and one
     * program's mechanism rates spread less than twofold from run to run beyond any sampling noise
     * (S04 at 2 threads on 2 cores: 16-23 % failed CAS, docs/tiers.md), while a move of tier changes
     * them tenfold or from none (S04 at 1 thread: 0 of 89 M).
     */
    static final double MIN_MECHANISM_FACTOR = 2;
    /** Rates of events (per second, CPU samples per op) matter from a quarter up or down. */
    static final double MIN_RATE_FACTOR = 1.25;

    private Measures() {}

    private static Measure perOp(String name, String... counts) {
        return new Measure(name, s -> sum(s, counts), (s, run) -> s.figure("ops"), false, true, MIN_PER_OP_DIFFERENCE,
                MIN_MECHANISM_FACTOR);
    }

    private static Measure perSecond(String name, String count) {
        return new Measure(name, s -> s.figure(count), (s, run) -> run.durationSeconds(), false, false, 0, MIN_RATE_FACTOR);
    }

    static final List<Measure> ALL = List.of(
            new Measure("casFailureRatio", s -> s.figure("casFailures"), (s, run) -> s.figure("casAttempts"),
                    true, true, MIN_CAS_FAILURE_DIFFERENCE, MIN_MECHANISM_FACTOR),
            new Measure("handoffRatio", s -> s.figure("handoffs"), (s, run) -> s.figure("handoffChecks"),
                    true, true, MIN_HANDOFF_DIFFERENCE, MIN_MECHANISM_FACTOR),
            perOp("contendedPerOp", "contended"),
            new Measure("blocksPerOp", s -> sum(s, "parks", "waits", "sleeps"), (s, run) -> s.figure("ops"), false, true,
                    MIN_PER_OP_DIFFERENCE, MIN_MECHANISM_FACTOR, Measures::inferredParkWeight),
            perOp("yieldsPerOp", "yields"),
            perOp("wakeupsPerOp", "wakeups"),
            new Measure("spinsPerWait", s -> s.figure("spins"), (s, run) -> s.figure("spinWaits"),
                    false, true, 0, MIN_MECHANISM_FACTOR),
            new Measure("cpuSamplesPerOp", s -> s.figure(CPU_SAMPLES), (s, run) -> s.figure("ops"),
                    false, true, 0, MIN_RATE_FACTOR),
            // How much the site is used: what a share of time grows with; without the agent there are
            // no ops, and events per second of run are all a recording gives.
            perSecond(CPU_PER_SECOND, CPU_SAMPLES),
            perSecond("jfrParkEventsPerSecond", "jfrParkEvents"),
            perSecond("jfrMonitorEnterEventsPerSecond", "jfrMonitorEnterEvents"),
            perSecond("jfrWaitEventsPerSecond", "jfrWaitEvents"),
            perSecond("jfrSleepEventsPerSecond", "jfrSleepEvents"),
            new Measure(CPU_SHARE, s -> s.figure(CPU_SAMPLES), (s, run) -> run.matchedCpuSamples(),
                    true, false, MIN_SHARE_DIFFERENCE, MIN_RATE_FACTOR));

    /** Counts of independent events that show a site is there at all: its ops, CPU samples and recorded events. */
    private static final List<String> PRESENCE = List.of("ops", CPU_SAMPLES, "jfrParkEvents", "jfrMonitorEnterEvents",
            "jfrWaitEvents", "jfrSleepEvents");

    /**
     * A site one run has and the other does not is only news when its absence there cannot be chance:
     * one of its counts, per second of run, is beyond the noise of a count of 0 over the other run's
     * length (Poisson rate test). A single JFR wait event of 25 us is not; a million ops are.
     */
    static boolean present(SiteView site, ReportSide itsRun, ReportSide otherRun) {
        double here = RunTotals.exposure(itsRun);
        double there = RunTotals.exposure(otherRun);
        return PRESENCE.stream().anyMatch(name -> Noise.significant(Noise.poissonRates(0, there, site.figure(name), here)));
    }

    /** The agent's sites file: a thread times every sampled op of a site until it has this many timings... */
    static final double TIMED_IN_FULL = 1024;
    /** ... then one in this many, counted this many times (docs/agent-data-format.md, {@code latencySamples}). */
    static final double TIMING_EVERY = 8;

    /**
     * At a call into a JDK API (kind {@code call}) the parks are inferred: a timed call that lasted a context switch
     * is scaled to all the calls the timing passed over. The calls each timed one stands for: the site's ops over
     * its timings, the timings rebuilt from the weighted {@code latencySamples} by the agent's schedule (its threads
     * taken as sharing them evenly). 1 where parks are counted one by one, or nothing was timed.
     */
    static double inferredParkWeight(SiteView s) {
        double weighted = s.figure("latencySamples");
        if (!"call".equals(s.kind()) || weighted <= 0) {
            return 1;
        }
        int threads = Math.max(1, s.threads());
        double perThread = weighted / threads;
        double timings = threads * (Math.min(perThread, TIMED_IN_FULL)
                + Math.max(0, perThread - TIMED_IN_FULL) / TIMING_EVERY);
        return Math.max(1, s.figure("ops") / timings);
    }

    private static double sum(SiteView s, String... names) {
        double total = 0;
        for (String name : names) {
            total += s.figure(name);
        }
        return total;
    }
}
