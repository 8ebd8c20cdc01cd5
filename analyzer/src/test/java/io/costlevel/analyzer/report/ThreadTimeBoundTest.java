package io.costlevel.analyzer.report;

import io.costlevel.analyzer.attribution.Attribution;
import io.costlevel.analyzer.attribution.SiteKey;
import io.costlevel.analyzer.attribution.SiteTable;
import io.costlevel.analyzer.classify.RunContext;
import io.costlevel.analyzer.classify.ThreadTime;
import io.costlevel.analyzer.input.AgentSite;
import io.costlevel.analyzer.input.ProbeCost;
import io.costlevel.analyzer.input.VirtualShare;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Issue 12, items 2 and 6: a run's sites together hold no more thread time than its threads had. Two lines of one
 * thread's loop: one whose running time the agent's timed ops give (10 M ops timed at 100 ns: 1 s), one that CPU
 * samples measure (40 samples of 2 ms: 80 ms). The recording saw the thread for 0.5 s.
 */
class ThreadTimeBoundTest {
    private static final SiteKey TIMED = new SiteKey("com.acme.Loop", "run", 10);
    private static final SiteKey SAMPLED = new SiteKey("com.acme.Loop", "run", 11);
    private static final long OPS = 10_000_000;

    private static Report report(double threadNanos) {
        return report(threadNanos, null);
    }

    /** @param probeCost the agent's measure of its probes' cost per op, or null (an older agent's data) */
    private static Report report(double threadNanos, ProbeCost probeCost) {
        SiteTable table = new SiteTable();
        table.addAgentSite(TIMED, atomic(TIMED, 100));
        table.addAgentSite(SAMPLED, atomic(SAMPLED, 100));
        var charge = table.charge(new Attribution(SAMPLED, "", false));
        for (int i = 0; i < 40; i++) {
            charge.cpuSample(1, 1);
        }
        table.cpuTime(SAMPLED, 40, 2e6, true);
        table.endJvm(probeCost);
        RunContext run = new RunContext(2, true, 1.0).withThreadNanos(threadNanos);
        RunInfo info = new RunInfo("jvm", "17", 2, 1.0, List.of("in"), List.of("agent", "async-profiler"), "t", "now", 1.0, 1,
                "one JVM");
        return new ReportBuilder().build(table.all(), run, info, new ArrayList<>());
    }

    private static AgentSite atomic(SiteKey at, long latencyNs) {
        long timed = OPS / 64;
        return new AgentSite(at.className(), at.methodName(), at.line(), "atomic", null, OPS, 1, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, timed, 0, timed, timed * latencyNs, VirtualShare.NONE, AgentSite.NOT_COUNTED,
                AgentSite.NOT_COUNTED);
    }

    private static Site at(Report report, SiteKey key) {
        return report.sites().stream().filter(s -> s.line() == key.line()).findFirst().orElseThrow();
    }

    /** The evidence leaves a zero time out. */
    private static double running(Site s) {
        Object nanos = s.evidence().get("runningNanos");
        return nanos == null ? 0 : ((Number) nanos).doubleValue();
    }

    @Test
    void theTimedEstimateGivesWayUntilTheSitesFitTheThreadsTime() {
        Report report = report(0.5e9);
        assertThat(running(at(report, SAMPLED))).as("measured: kept").isEqualTo(80e6);
        assertThat(running(at(report, TIMED))).as("0.5 s less the 80 ms measured").isCloseTo(420e6, within(1e3));
        assertThat(at(report, TIMED).nsPerOp()).as("420 ms / 10 M ops").isCloseTo(42.0, within(0.01));
        assertThat(at(report, TIMED).reasons()).anyMatch(r -> r.startsWith("running time scaled to 42 %")
                && r.contains("0.500 s its threads had"));
        assertThat(at(report, SAMPLED).reasons()).noneMatch(r -> r.startsWith("running time scaled"));
    }

    /**
     * The probes' cost is in the threads' time and is nobody's: 20 M ops at 1 ns, 20 ms of the 0.5 s. The sampled line
     * keeps its measured 80 ms (its probes' cost beyond their samples lies somewhere in the loop, not at one line); the
     * timed line gets what is left.
     */
    @Test
    void theProbesCostIsTakenOutOfTheThreadsTimeBeforeTheTimedEstimateFitsIt() {
        Report report = report(0.5e9, new ProbeCost(1, 1, 1, 1));
        assertThat(running(at(report, SAMPLED))).as("measured: kept").isEqualTo(80e6);
        assertThat(running(at(report, TIMED))).as("0.5 s less 20 ms of probes and the 80 ms measured")
                .isCloseTo(400e6, within(1e3));
        assertThat(at(report, TIMED).reasons()).anyMatch(r -> r.startsWith("running time scaled to 40 %")
                && r.contains("0.500 s its threads had less the 0.020 s the agent's probes took of it"));
    }

    private static final SiteKey SUBMIT = new SiteKey("com.acme.RoundTrip", "op", 30);
    private static final SiteKey GET = new SiteKey("com.acme.RoundTrip", "op", 31);

    /** A JDK call the agent counts whole and times on every op, at {@code latencyNs}; its slow calls are its parks. */
    private static AgentSite call(SiteKey at, String primitive, long ops, long latencyNs, long parks, long parkedNanos) {
        return new AgentSite(at.className(), at.methodName(), at.line(), "call", primitive, ops, 1, 0, 0, 0, 0, parks,
                parkedNanos, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ops, ops * latencyNs, VirtualShare.NONE,
                AgentSite.NOT_COUNTED, AgentSite.NOT_COUNTED);
    }

    /**
     * The parks the agent infers from a call's slow timed calls are a timed estimate too, and give way with the timed
     * running time: an executor round trip, 10,000 ops of a 2 us submit and a get timed at 42 us (40 of them parked)
     * in a thread that had 0.4 s. Held fixed, the get's parks alone filled the thread's time and the submit got none
     * (L4 at tens of ns per op, JDK 17, 2026-12-05); scaled alike, each keeps 0.4 / 0.44 of its time.
     */
    @Test
    void parksInferredFromTimedCallsGiveWayWithTheTimedRunningTime() {
        SiteTable table = new SiteTable();
        table.addAgentSite(SUBMIT, call(SUBMIT, "java.util.concurrent.ExecutorService.submit", 10_000, 2_000, 0, 0));
        table.addAgentSite(GET, call(GET, "java.util.concurrent.Future.get", 10_000, 42_000, 10_000, 400_000_000L));
        table.endJvm(null);
        RunContext run = new RunContext(2, true, 1.0).withThreadNanos(0.4e9);
        RunInfo info = new RunInfo("jvm", "17", 2, 1.0, List.of("in"), List.of("agent", "async-profiler"), "t", "now", 1.0, 1,
                "one JVM");
        Report report = new ReportBuilder().build(table.all(), run, info, new ArrayList<>());
        double factor = 0.4 / 0.44;
        assertThat(running(at(report, SUBMIT))).as("20 ms timed, scaled").isCloseTo(20e6 * factor, within(1e3));
        assertThat(((Number) at(report, GET).evidence().get("contentionNanos")).doubleValue())
                .as("0.4 s inferred, scaled").isCloseTo(400e6 * factor, within(1e3));
        assertThat(at(report, GET).tier()).as("a round trip's wait: contention").isEqualTo(4);
        assertThat(at(report, GET).reasons()).anyMatch(r -> r.startsWith("running time and parks scaled to 91 %"));
        assertThat(at(report, SUBMIT).reasons()).anyMatch(r -> r.startsWith("running time scaled to 91 %"));
    }

    /**
     * The recording sees some of a round trip's waits too (its park events over their threshold, in the get's chain):
     * the same waits, so contention like the agent's, not idle beside them (JDK 17, 2026-12-05: 1.77 s "idle" beside
     * the agent's 2.64 s of the same parks, in a run whose threads had 2.98 s).
     */
    @Test
    void aRoundTripsRecordedParksAreItsContentionNotIdleTimeBesideIt() {
        SiteTable table = new SiteTable();
        table.addAgentSite(GET, call(GET, "java.util.concurrent.Future.get", 10_000, 42_000, 10_000, 400_000_000L));
        var charge = table.charge(new Attribution(GET, "java.util.concurrent.FutureTask.get -> "
                + "java.util.concurrent.FutureTask.awaitDone -> java.util.concurrent.locks.LockSupport.park", true));
        for (int i = 0; i < 100; i++) {
            charge.park(1, 3_000_000L);
        }
        table.endJvm(null);
        RunContext run = new RunContext(2, true, 1.0);
        RunInfo info = new RunInfo("jvm", "17", 2, 1.0, List.of("in"), List.of("agent", "async-profiler"), "t", "now", 1.0, 1,
                "one JVM");
        Site get = at(new ReportBuilder().build(table.all(), run, info, new ArrayList<>()), GET);
        assertThat(get.evidence().get("idleNanos")).as("no idle time beside the parks").isNull();
        assertThat(((Number) get.evidence().get("contentionNanos")).doubleValue())
                .as("the agent's 0.4 s, which holds the recording's 0.3 s").isEqualTo(400e6);
        assertThat(get.idle()).isFalse();
    }

    private static final SiteKey QUEUE = new SiteKey("com.acme.Work", "op", 40);

    /**
     * A queue's offer at two threads (keys 1 and 2, 0.75 s each), 1 s of it running by 100 CPU samples of 10 ms, and
     * 2 s of parks the agent inferred from a few slow timed calls (its timed calls 300 ns each on average, slow ones
     * included; a preempted one weighs hundreds of calls: 1.9-5.8 s
     * inferred where the threads were off their cores 0.27-0.9 s in all, 2026-12-05). With each thread's CPU time
     * known (0.6 s), the threads were off their cores 0.3 s at most: the parks give way to that, the sampled running
     * time stays. Without it, the thread-time bound alone leaves them 0.5 s. (The site's own bound, its 2 threads x
     * 0.75 s, first cut the 2 s to 1.5, 20 % of which is kept.)
     */
    private static Site queueOffer(Map<Long, Double> cpu) {
        SiteTable table = new SiteTable();
        long ops = 10_000_000;
        long timed = ops / 64;
        table.addAgentSite(QUEUE, new AgentSite(QUEUE.className(), QUEUE.methodName(), QUEUE.line(), "call",
                "java.util.concurrent.LinkedBlockingQueue.offer", ops, 2, 0, 0, 0, 0, 50_000, 2_000_000_000L, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, timed, timed * 300, VirtualShare.NONE, AgentSite.NOT_COUNTED, AgentSite.NOT_COUNTED));
        var charge = table.charge(new Attribution(QUEUE, "", false));
        for (int i = 0; i < 100; i++) {
            charge.cpuSample(1 + i % 2, 1);
        }
        table.cpuTime(QUEUE, 100, 10e6, true);
        table.endJvm();
        RunContext run = new RunContext(2, true, 0.75).withThreadTime(1.5e9,
                new ThreadTime(Map.of(1L, 0.75e9, 2L, 0.75e9), Map.of(), cpu));
        RunInfo info = new RunInfo("jvm", "17", 2, 0.75, List.of("in"), List.of("agent", "async-profiler"), "t", "now",
                0.75, 1, "one JVM");
        return at(new ReportBuilder().build(table.all(), run, info, new ArrayList<>()), QUEUE);
    }

    @Test
    void parksInferredFromTimedCallsFitTheTimeTheThreadsWereOffTheirCores() {
        Site bounded = queueOffer(Map.of(1L, 0.6e9, 2L, 0.6e9));
        assertThat(running(bounded)).as("sampled: kept").isCloseTo(1e9, within(1e3));
        assertThat(((Number) bounded.evidence().get("contentionNanos")).doubleValue()).isCloseTo(0.3e9, within(1e3));
        assertThat(bounded.reasons()).anyMatch(r -> r.startsWith("parks inferred from the timed calls scaled to 20 %")
                && r.contains("the 0.300 s its threads were off their cores at most"));

        Site threadTimeOnly = queueOffer(Map.of());
        assertThat(((Number) threadTimeOnly.evidence().get("contentionNanos")).doubleValue()).isCloseTo(0.5e9, within(1e3));
        assertThat(running(threadTimeOnly)).as("sampled: kept").isCloseTo(1e9, within(1e3));
        assertThat(threadTimeOnly.reasons()).noneMatch(r -> r.startsWith("parks inferred"));
        // A thread whose CPU time is unknown leaves its group unbounded by it.
        assertThat(((Number) queueOffer(Map.of(1L, 0.6e9)).evidence().get("contentionNanos")).doubleValue())
                .isCloseTo(0.5e9, within(1e3));
    }

    @Test
    void nothingChangesWhereTheSitesFitOrTheThreadsTimeIsUnknown() {
        for (double threadNanos : new double[] {0, 1.08e9, 5e9}) {
            Report report = report(threadNanos);
            assertThat(running(at(report, TIMED))).as("threads' time %s", threadNanos).isCloseTo(1e9, within(1e3));
            assertThat(at(report, TIMED).reasons()).noneMatch(r -> r.startsWith("running time scaled"));
        }
    }

    @Test
    void measuredTimeAboveTheThreadsTimeLeavesTheTimedSitesNone() {
        Report report = report(50e6);
        assertThat(running(at(report, SAMPLED))).isEqualTo(80e6);
        assertThat(running(at(report, TIMED))).isZero();
    }

    /**
     * Per group of threads: thread 1 runs both lines for 0.5 s (a few samples at the timed line say it ran there too),
     * thread 2 sleeps 5 s of its 6 s at a third line. The run's 6.5 s hold all of it (1.08 + 5 s), so the run-wide
     * bound does not bind, but thread 1's lines add up to more than its 0.5 s.
     */
    private static Report twoThreads(int agentThreadsAtTimed) {
        SiteTable table = new SiteTable();
        table.addAgentSite(TIMED, new AgentSite(TIMED.className(), TIMED.methodName(), TIMED.line(), "atomic", null, OPS,
                agentThreadsAtTimed, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, OPS / 64, 0, OPS / 64, OPS / 64 * 100,
                VirtualShare.NONE, AgentSite.NOT_COUNTED, AgentSite.NOT_COUNTED));
        table.addAgentSite(SAMPLED, atomic(SAMPLED, 100));
        var timed = table.charge(new Attribution(TIMED, "", false));
        for (int i = 0; i < 5; i++) {
            timed.cpuSample(1, 1);
        }
        table.cpuTime(TIMED, 5, 2e6, true);
        var sampled = table.charge(new Attribution(SAMPLED, "", false));
        for (int i = 0; i < 40; i++) {
            sampled.cpuSample(1, 1);
        }
        table.cpuTime(SAMPLED, 40, 2e6, true);
        table.charge(new Attribution(SLEEP, "", false)).sleep(2, 5_000_000_000L);
        table.endJvm();
        RunContext run = new RunContext(2, true, 6.0).withThreadTime(6.5e9, new ThreadTime(Map.of(1L, 0.5e9, 2L, 6e9)));
        RunInfo info = new RunInfo("jvm", "17", 2, 6.0, List.of("in"), List.of("agent", "async-profiler"), "t", "now", 6.0, 1,
                "one JVM");
        return new ReportBuilder().build(table.all(), run, info, new ArrayList<>());
    }

    private static final SiteKey SLEEP = new SiteKey("com.acme.Idle", "run", 20);

    @Test
    void aThreadsSitesFitThatThreadsTimeWhenAnotherThreadIdles() {
        Report report = twoThreads(1);
        Site timed = at(report, TIMED);
        assertThat(running(at(report, SAMPLED))).as("measured: kept").isEqualTo(80e6);
        assertThat(running(timed)).as("thread 1's 0.5 s less the 80 ms measured").isCloseTo(420e6, within(1e3));
        assertThat(timed.reasons()).anyMatch(r -> r.startsWith("running time scaled to 42 %")
                && r.contains("the sites its threads ran") && r.contains("0.500 s those threads had"));
        double sitesOfThread1 = running(timed) + running(at(report, SAMPLED));
        assertThat(sitesOfThread1).isLessThanOrEqualTo(0.5e9 + 1e3);
    }

    @Test
    void aSiteWhoseThreadsTheRecordingDidNotAllSeeIsBoundedByTheRunAlone() {
        // The agent counted 2 threads at the timed line, the recording saw 1 there: the other's time is not in the group.
        Report report = twoThreads(2);
        assertThat(running(at(report, TIMED))).isCloseTo(1e9, within(1e3));
        assertThat(at(report, TIMED).reasons()).noneMatch(r -> r.startsWith("running time scaled"));
    }
}
