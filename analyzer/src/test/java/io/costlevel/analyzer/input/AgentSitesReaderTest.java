package io.costlevel.analyzer.input;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgentSitesReaderTest {
    static final Path FIXTURE = Path.of("src/test/resources/agent-fixtures/synchronized-8t-sites.json");

    @TempDir
    Path dir;

    @Test
    void readsRunAndSitesAndIgnoresUnknownFields() throws Exception {
        AgentRun run = AgentSitesReader.read(FIXTURE);
        assertThat(run.cores()).isEqualTo(2);
        assertThat(run.uptimeSeconds()).isEqualTo(2.0);
        assertThat(run.include()).isEqualTo("io.costlevel.samples.");
        assertThat(run.finalSnapshot()).isTrue();
        assertThat(run.sites()).hasSize(2);
        AgentSite monitor = run.sites().get(0);
        assertThat(monitor.className()).isEqualTo("io.costlevel.samples.S01_SynchronizedCounter");
        assertThat(monitor.line()).isEqualTo(32);
        assertThat(monitor.ops()).isEqualTo(40_000_000);
        assertThat(monitor.contended()).isEqualTo(4_000_000);
        assertThat(monitor.casAttempts()).as("absent counters read as 0").isZero();
    }

    @Test
    void theProfilersSamplingPeriodIsReadWhereTheAgentWroteIt() throws Exception {
        assertThat(AgentSitesReader.read(FIXTURE).cpuSamplePeriodNanos()).as("written before the agent said").isZero();
        String json = Files.readString(FIXTURE).replace("\"samplingPeriod\"", "\"cpuSamplePeriodNanos\": 2000000, \"samplingPeriod\"");
        Path file = Files.writeString(dir.resolve("costlevel-sites.json"), json);
        assertThat(AgentSitesReader.read(file).cpuSamplePeriodNanos()).isEqualTo(2_000_000);
    }

    /** Issue 12: the agent's measures of its probes and of its timing, by kind; what timing adds is taken off. */
    @Test
    void theProbesMeasuredCostIsReadAndTheTimingsExcessTakenOffTheLatency() throws Exception {
        AgentRun old = AgentSitesReader.read(FIXTURE);
        assertThat(old.probeCost()).as("written before the agent measured it").isNull();
        assertThat(old.sites().get(0).meanLatencyNanos()).isEqualTo(200.0);
        String json = Files.readString(FIXTURE).replace("\"samplingPeriod\"",
                "\"probeNanos\": {\"atomic\": 1.1, \"monitor\": 2.4, \"call\": 1.4}, "
                        + "\"timingExcessNanos\": {\"atomic\": 7, \"monitor\": 50.5, \"call\": 8}, \"samplingPeriod\"");
        AgentRun run = AgentSitesReader.read(Files.writeString(dir.resolve("costlevel-sites.json"), json));
        assertThat(run.probeCost()).isEqualTo(new ProbeCost(1.1, 2.4, 1.4));
        AgentSite monitor = run.sites().get(0);
        assertThat(monitor.latencySamples()).isEqualTo(625_000);
        assertThat(monitor.meanLatencyNanos()).isEqualTo(149.5);
    }

    @Test
    void aTimingExcessLargerThanTheMeanLeavesItAtZero() {
        AgentSite site = new AgentSite("A", "m", 1, "atomic", null, 100, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 10, 30, VirtualShare.NONE, AgentSite.NOT_COUNTED, AgentSite.NOT_COUNTED);
        AgentSite taken = AgentSitesReader.withoutTimingExcess(site, new ProbeCost(7, 0, 0));
        assertThat(taken.latencyNanos()).isZero();
        assertThat(taken.latencySamples()).isEqualTo(10);
        assertThat(AgentSitesReader.withoutTimingExcess(site, null)).isSameAs(site);
    }

    @Test
    void twoSitesOnOneLineAddUpAndTheCostlierKindNamesThem() throws Exception {
        AgentRun run = AgentSitesReader.read(FIXTURE);
        AgentSite merged = run.sites().get(1).plus(run.sites().get(0));
        assertThat(merged.ops()).isEqualTo(40_001_000);
        assertThat(merged.kind()).isEqualTo("monitor");
        assertThat(merged.primitive()).contains("monitorenter", "AtomicLong.get");
    }

    @Test
    void anotherVersionIsRefusedWithOneLine() throws IOException {
        Path file = Files.writeString(dir.resolve("costlevel-sites.json"), "{\"format\":\"costlevel-agent\",\"version\":9}");
        assertThatThrownBy(() -> AgentSitesReader.read(file)).isInstanceOf(InputException.class)
                .hasMessageContaining("version 9");
    }

    @Test
    void brokenJsonIsRefusedWithOneLine() throws IOException {
        Path file = Files.writeString(dir.resolve("costlevel-sites.json"), "{\"format\":\"costlevel-agent\",\"sites\":[");
        assertThatThrownBy(() -> AgentSitesReader.read(file)).isInstanceOf(InputException.class)
                .hasMessageContaining("not valid JSON").hasMessageNotContaining("\n");
    }
}
