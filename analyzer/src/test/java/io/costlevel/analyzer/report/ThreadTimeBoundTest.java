package io.costlevel.analyzer.report;

import io.costlevel.analyzer.attribution.Attribution;
import io.costlevel.analyzer.attribution.SiteKey;
import io.costlevel.analyzer.attribution.SiteTable;
import io.costlevel.analyzer.classify.RunContext;
import io.costlevel.analyzer.input.AgentSite;
import io.costlevel.analyzer.input.VirtualShare;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

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
        SiteTable table = new SiteTable();
        table.addAgentSite(TIMED, atomic(TIMED, 100));
        table.addAgentSite(SAMPLED, atomic(SAMPLED, 100));
        var charge = table.charge(new Attribution(SAMPLED, "", false));
        for (int i = 0; i < 40; i++) {
            charge.cpuSample(1, 1);
        }
        table.cpuTime(SAMPLED, 40, 2e6, true);
        table.endJvm();
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
}
