package io.costlevel.analyzer.attribution;

import io.costlevel.analyzer.input.AgentSite;
import io.costlevel.analyzer.input.ProbeCost;
import io.costlevel.analyzer.input.VirtualShare;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Issue 12, item 2: CPU samples taken inside the agent's probes are charged to the line they are inlined at, less
 * the probes' own cost (the line's ops x the agent's measured cost per op, by kind, per JVM). A sample lands after
 * the instruction that was running, so a monitor exit's locked instruction is sampled in the next op's probe: leaving
 * every probe sample out measured an uncontended monitor at 0.41-0.45x of its native time.
 */
class ProbeSampleChargeTest {
    private static final SiteKey LINE = new SiteKey("com.acme.Counter", "increment", 12);
    private static final double PERIOD = 1_000_000; // 1 ms per sample
    private static final ProbeCost COST = new ProbeCost(1.0, 2.0, 3.0, 4.0);

    private static AgentSite site(String kind, long ops) {
        return new AgentSite(LINE.className(), LINE.methodName(), LINE.line(), kind, null, ops, 1,
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, VirtualShare.NONE,
                AgentSite.NOT_COUNTED, AgentSite.NOT_COUNTED);
    }

    /** One JVM: {@code app} samples in the line's own frames, {@code probe} in its probes, the agent's sites. */
    private static void jvm(SiteTable table, long app, long probe, ProbeCost cost, AgentSite... sites) {
        table.charge(new Attribution(LINE, "", false)).cpuSample(1, app);
        table.cpuTime(LINE, app, PERIOD, true);
        table.probeTime(LINE, probe, PERIOD, true);
        for (AgentSite s : sites) {
            table.addAgentSite(LINE, s);
        }
        table.endJvm(cost);
    }

    @Test
    void theLineIsChargedWhatItsProbeSamplesExceedTheProbesCostBy() {
        SiteTable table = new SiteTable();
        // 1 M monitor ops at 2 ns: 2 ms of the probe samples' 10 ms are the probes' own, 8 ms the monitor's.
        jvm(table, 40, 10, COST, site("monitor", 1_000_000));
        SiteTally t = table.tally(LINE);
        assertThat(t.cpuNanos()).isCloseTo(48e6, within(1.0));
        assertThat(t.cpuSamples()).isEqualTo(48);
        assertThat(t.cpuTimeExact()).isTrue();
        assertThat(t.probeSamples()).isEqualTo(10);
        assertThat(t.probeCostNanos()).isCloseTo(2e6, within(1.0));
        assertThat(t.probeChargedNanos()).isCloseTo(8e6, within(1.0));
    }

    @Test
    void eachKindOfOpIsTakenOutAtItsOwnCost() {
        SiteTable table = new SiteTable();
        // atomic 1 ms + monitor 2 ms + call 3 ms + lock 4 ms of probes' own time, out of 11 ms in the probes; a park
        // (another kind) at the atomic's 1 ns.
        jvm(table, 0, 11, COST, site("atomic", 500_000), site("park", 500_000), site("monitor", 1_000_000),
                site("call", 1_000_000), site("lock", 1_000_000));
        assertThat(table.tally(LINE).cpuNanos()).isCloseTo(1e6, within(1.0));
    }

    @Test
    void probesCostingMoreThanTheirSamplesShowChargeNothingAndTakeNothingFromTheLine() {
        SiteTable table = new SiteTable();
        jvm(table, 40, 1, COST, site("call", 1_000_000)); // 3 ms of cost, 1 ms of samples
        SiteTally t = table.tally(LINE);
        assertThat(t.cpuNanos()).isCloseTo(40e6, within(1.0));
        assertThat(t.cpuSamples()).isEqualTo(40);
        assertThat(t.probeCostNanos()).isCloseTo(1e6, within(1.0));
    }

    @Test
    void withoutTheAgentsMeasureNoProbeSampleIsCharged() {
        SiteTable table = new SiteTable();
        jvm(table, 40, 10, null, site("monitor", 1_000_000));
        SiteTally t = table.tally(LINE);
        assertThat(t.cpuNanos()).isCloseTo(40e6, within(1.0));
        assertThat(t.probeSamples()).isEqualTo(10);
        assertThat(t.probeChargedNanos()).isZero();
    }

    @Test
    void aLibraryCallsProbesAreItsPartsOpsNotTheCallsOps() {
        SiteTable table = new SiteTable();
        table.probeTime(LINE, 10, PERIOD, true);
        // One call = one CAS-loop op and two adder ops inside the library: 3 M probed ops, 1 M calls.
        AgentSite cas = site("atomic", 1_000_000);
        AgentSite adder = site("atomic", 2_000_000);
        table.addLibraryCall(LINE, AgentCharges.asOneCall(List.of(cas, adder)), adder, List.of(cas, adder));
        table.endJvm(COST);
        assertThat(table.tally(LINE).probeCostNanos()).isCloseTo(3e6, within(1.0));
        assertThat(table.tally(LINE).cpuNanos()).isCloseTo(7e6, within(1.0));
    }

    @Test
    void eachJvmsSamplesAreWeighedAgainstItsOwnMeasure() {
        SiteTable table = new SiteTable();
        jvm(table, 0, 10, new ProbeCost(9.0, 9.0, 9.0, 9.0), site("atomic", 1_000_000)); // 9 ms of 10: 1 ms charged
        jvm(table, 0, 10, COST, site("atomic", 1_000_000)); // 1 ms of 10: 9 ms charged
        SiteTally t = table.tally(LINE);
        assertThat(t.cpuNanos()).isCloseTo(10e6, within(1.0));
        assertThat(t.probeSamples()).isEqualTo(20);
    }

    @Test
    void theReportSaysWhereTheProbesSamplesWent() {
        SiteTable table = new SiteTable();
        Charge charge = table.charge(new Attribution(LINE, "", false, Uncharged.PROBE));
        charge.cpuSample(1, 10);
        jvm(table, 40, 10, COST, site("monitor", 1_000_000));
        assertThat(ProbeSamples.blindSpots(table)).singleElement().asString()
                .startsWith("10 CPU samples were taken inside the agent's own probes.")
                .contains("(8.0 ms in all)", "(2.0 ms)");
    }
}
