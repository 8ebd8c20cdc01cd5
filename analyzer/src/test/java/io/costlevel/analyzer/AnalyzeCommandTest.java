package io.costlevel.analyzer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The analyze command's outputs: JSON and HTML files from one run, or the text summary on stdout. */
class AnalyzeCommandTest {
    private static final String AGENT_RUN = "src/test/resources/golden/agent-spinning-ticket-8t";
    private static final String RECORDING = "src/test/resources/golden/jfr-synchronized-8t.jfr";

    @TempDir
    Path dir;

    @Test
    void writesJsonAndHtmlOfTheSameReport() throws Exception {
        Path json = dir.resolve("r.json");
        Path html = dir.resolve("r.html");
        CommandLineRun run = CommandLineRun.of("analyze", AGENT_RUN, "--json", json.toString(), "--html", html.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.path("schemaVersion").asInt()).isEqualTo(1);
        JsonNode top = report.path("sites").get(0);
        assertThat(top.path("className").asText()).isEqualTo("io.costlevel.samples.S07_SpinningTicketLockCounter");
        assertThat(top.path("tier").asInt()).isEqualTo(5);
        assertThat(Files.readString(html)).contains("S07_SpinningTicketLockCounter");
    }

    @Test
    void withoutOutputFilesPrintsTheTopSitesAndTheBlindSpots() {
        CommandLineRun run = CommandLineRun.of("analyze", RECORDING);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("S01_SynchronizedCounter.increment:32", "L4", "note: No agent data");
    }

    @Test
    void severalInputsMergeIntoOneReport() throws Exception {
        Path json = dir.resolve("r.json");
        CommandLineRun run = CommandLineRun.of("analyze", RECORDING, AGENT_RUN, "--json", json.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.path("run").path("inputs")).hasSize(2);
        assertThat(report.path("run").path("sources").toString()).contains("agent", "jfr");
    }

    @Test
    void includeOverridesWhatCountsAsApplication() throws Exception {
        Path json = dir.resolve("r.json");
        CommandLineRun run = CommandLineRun.of("analyze", RECORDING, "--include", "io.costlevel.samples.CounterRun", "--json", json.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode sites = new ObjectMapper().readTree(json.toFile()).path("sites");
        assertThat(sites.size()).isPositive();
        sites.forEach(s -> assertThat(s.path("className").asText()).startsWith("io.costlevel.samples.CounterRun"));
    }
}
