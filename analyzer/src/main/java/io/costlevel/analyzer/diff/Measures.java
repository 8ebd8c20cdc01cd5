package io.costlevel.analyzer.diff;

import java.util.List;

/**
 * The figures compared per site, named as in the output. Counts come from the report's evidence
 * (docs/report.md); each ratio is rebuilt from its counts because the test needs them, not the
 * rounded ratio the report prints.
 */
final class Measures {
    static final String CPU_SAMPLES = "jfrCpuSamples";
    static final String CPU_SHARE = "cpuSampleShare";

    /**
     * A mechanism ratio matters from 0.1 % of ops on: the smallest threshold a tier rule uses
     * (TrueSharingRule: 0.1 % failed CAS). Below that a significant change is real and irrelevant.
     */
    static final double MIN_PER_OP_DIFFERENCE = 0.001;
    /** Rates of events (per wait, per second, CPU samples per op) matter from a quarter up or down. */
    static final double MIN_RATE_FACTOR = 1.25;
    /** A site's share of all CPU samples matters from one percentage point on. */
    static final double MIN_SHARE_DIFFERENCE = 0.01;

    private Measures() {}

    private static Measure perOp(String name, String... counts) {
        return new Measure(name, s -> sum(s, counts), (s, side) -> s.figure("ops"), false, true, MIN_PER_OP_DIFFERENCE, 1);
    }

    private static Measure perSecond(String name, String count) {
        return new Measure(name, s -> s.figure(count), (s, side) -> s.has("ops") ? 0 : side.durationSeconds(),
                false, false, 0, MIN_RATE_FACTOR);
    }

    static final List<Measure> ALL = List.of(
            new Measure("casFailureRatio", s -> s.figure("casFailures"), (s, side) -> s.figure("casAttempts"),
                    true, true, MIN_PER_OP_DIFFERENCE, 1),
            new Measure("handoffRatio", s -> s.figure("handoffs"), (s, side) -> s.figure("handoffChecks"),
                    true, true, MIN_PER_OP_DIFFERENCE, 1),
            perOp("contendedPerOp", "contended"),
            perOp("blocksPerOp", "parks", "waits", "sleeps"),
            perOp("yieldsPerOp", "yields"),
            new Measure("spinsPerWait", s -> s.figure("spins"), (s, side) -> s.figure("spinWaits"),
                    false, true, 0, MIN_RATE_FACTOR),
            new Measure("cpuSamplesPerOp", s -> s.figure(CPU_SAMPLES), (s, side) -> s.figure("ops"),
                    false, true, 0, MIN_RATE_FACTOR),
            // Without the agent there are no ops: events per second of run are all a recording gives.
            perSecond("cpuSamplesPerSecond", CPU_SAMPLES),
            perSecond("jfrParkEventsPerSecond", "jfrParkEvents"),
            perSecond("jfrMonitorEnterEventsPerSecond", "jfrMonitorEnterEvents"),
            perSecond("jfrWaitEventsPerSecond", "jfrWaitEvents"),
            perSecond("jfrSleepEventsPerSecond", "jfrSleepEvents"),
            new Measure(CPU_SHARE, s -> s.figure(CPU_SAMPLES), (s, side) -> side.cpuSamples(),
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
        double here = itsRun.durationSeconds() > 0 ? itsRun.durationSeconds() : 1;
        double there = otherRun.durationSeconds() > 0 ? otherRun.durationSeconds() : 1;
        return PRESENCE.stream().anyMatch(name -> Noise.significant(Noise.poissonRates(0, there, site.figure(name), here)));
    }

    private static double sum(SiteView s, String... names) {
        double total = 0;
        for (String name : names) {
            total += s.figure(name);
        }
        return total;
    }
}
