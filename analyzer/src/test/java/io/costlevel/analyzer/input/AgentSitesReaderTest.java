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

    /** Issue 12: the agent's measure of its probes' cost, by kind; data written before it have none. */
    @Test
    void theProbesMeasuredCostIsReadByKind() throws Exception {
        assertThat(AgentSitesReader.read(FIXTURE).probeCost()).as("written before the agent measured it").isNull();
        String json = Files.readString(FIXTURE).replace("\"samplingPeriod\"",
                "\"probeNanos\": {\"atomic\": 1.1, \"monitor\": 2.4, \"call\": 1.4}, \"samplingPeriod\"");
        AgentRun run = AgentSitesReader.read(Files.writeString(dir.resolve("costlevel-sites.json"), json));
        assertThat(run.probeCost()).as("a lock's figure defaults to an atomic's").isEqualTo(new ProbeCost(1.1, 2.4, 1.4, 1.1));
        assertThat(run.probeCost().nanos(ProbeCost.indexOf("monitor"))).isEqualTo(2.4);
        assertThat(run.probeCost().nanos(ProbeCost.indexOf("park"))).isEqualTo(1.1);
    }

    @Test
    void twoSitesOnOneLineAddUpAndTheCostlierKindNamesThem() throws Exception {
        AgentRun run = AgentSitesReader.read(FIXTURE);
        AgentSite merged = run.sites().get(1).plus(run.sites().get(0));
        assertThat(merged.ops()).isEqualTo(40_001_000);
        assertThat(merged.kind()).isEqualTo("monitor");
        assertThat(merged.primitive()).contains("monitorenter", "AtomicLong.get");
    }

    /**
     * A call infers at most one park: where the agent's scaled estimate exceeds the calls (one timed, preempted
     * countDown standing for 64), the call's parks are its calls, at the same mean park; a park site's are as counted.
     */
    @Test
    void aCallsInferredParksAreAtMostItsCalls() throws Exception {
        String json = Files.readString(FIXTURE).replace("\"ops\": 1000, \"threads\": 8", "\"ops\": 1000, \"threads\": 8,"
                + " \"parks\": 1600, \"parkedNanos\": 3200000000");
        String call = json.replace("\"kind\": \"atomic\"", "\"kind\": \"call\"");
        AgentSite inferred = AgentSitesReader.read(Files.writeString(dir.resolve("call.json"), call)).sites().get(1);
        assertThat(inferred.parks()).isEqualTo(1000);
        assertThat(inferred.parkedNanos()).isEqualTo(2_000_000_000L);

        String park = json.replace("\"kind\": \"atomic\"", "\"kind\": \"park\"");
        AgentSite counted = AgentSitesReader.read(Files.writeString(dir.resolve("park.json"), park)).sites().get(1);
        assertThat(counted.parks()).isEqualTo(1600);
        assertThat(counted.parkedNanos()).isEqualTo(3_200_000_000L);
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
