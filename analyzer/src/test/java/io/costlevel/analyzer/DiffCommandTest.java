package io.costlevel.analyzer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.costlevel.analyzer.diff.ReportJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code costlevel diff} as a user runs it: exit 0 clean, 1 bad or mismatched input (one line), 2 usage,
 * 3 a --fail-on rule fired (one line per rule); inputs as report JSON or as anything analyze reads.
 */
class DiffCommandTest {
    private static final String INCREMENT = "java.util.concurrent.atomic.AtomicLong.incrementAndGet";
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @TempDir
    Path dir;

    private static void assertOneLineError(CommandLineRun run, int exitCode, String... fragments) {
        assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isEqualTo(exitCode);
        assertThat(run.err().lines()).as("stderr: %s", run.err()).hasSize(1);
        assertThat(run.err()).startsWith("costlevel: ").doesNotContain("\tat ").doesNotContain("Exception");
        for (String fragment : fragments) {
            assertThat(run.err()).contains(fragment);
        }
    }

    /** S03 at one thread, then shared by two: the shape of a real pair of runs (DifferTest). */
    private Path[] atomicMovesToL2() throws IOException {
        ReportJson base = ReportJson.agentRun();
        base.site("com.acme.Cache", "put", 42, "atomic", 1, 14.8, 0.6, INCREMENT,
                Map.of("ops", 96_000_000, "handoffChecks", 1_500_000, "jfrCpuSamples", 84));
        ReportJson now = ReportJson.agentRun();
        now.site("com.acme.Cache", "put", 42, "atomic", 2, 45.0, 0.9, INCREMENT,
                Map.of("ops", 40_000_000, "handoffChecks", 625_000, "handoffs", 375_000, "jfrCpuSamples", 160));
        return new Path[] {base.writeTo(dir.resolve("base.json")), now.writeTo(dir.resolve("new.json"))};
    }

    @Test
    void aTierIncreaseFiresItsRulesOneLineEachAndExits3() throws IOException {
        Path[] runs = atomicMovesToL2();
        CommandLineRun run = CommandLineRun.of("diff", runs[0].toString(), runs[1].toString(),
                "--fail-on", "tier-increase,tier>=3,nsPerOp+50%");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().lines()).containsExactly(
                "costlevel: --fail-on tier-increase fired: 1 site: Cache.put:42 L1->L2",
                "costlevel: --fail-on nsPerOp+50% fired: 1 site: Cache.put:42 14.8 -> 45.0 ns/op (+204%)");
        assertThat(run.out()).contains("Moved up a tier:", "L1 -> L2", "Cache.put:42", "handoffRatio 0.00% -> 60.0%")
                .contains("1 change beyond the noise");
    }

    @Test
    void withoutRulesAChangeIsReportedAndExits0() throws IOException {
        Path[] runs = atomicMovesToL2();
        CommandLineRun run = CommandLineRun.of("diff", runs[0].toString(), runs[1].toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("Moved up a tier:");
    }

    @Test
    void writesTheDiffAsJsonAndHtml() throws IOException {
        Path[] runs = atomicMovesToL2();
        Path json = dir.resolve("diff.json");
        Path html = dir.resolve("diff.html");
        CommandLineRun run = CommandLineRun.of("diff", runs[0].toString(), runs[1].toString(), "--json", json.toString(),
                "--html", html.toString(), "--fail-on", "new-tier>=2");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).as("files asked for, no text").isEmpty();
        JsonNode d = new ObjectMapper().readTree(json.toFile());
        assertThat(d.path("diffVersion").asInt()).isEqualTo(1);
        assertThat(d.path("verdict").asText()).isEqualTo("changed");
        assertThat(d.path("rules").get(0).path("rule").asText()).isEqualTo("new-tier>=2");
        assertThat(d.path("rules").get(0).path("fired").asBoolean()).isFalse();
        JsonNode site = d.path("sites").get(0);
        assertThat(site.path("change").asText()).isEqualTo("tier-up");
        assertThat(site.path("base").path("tier").asInt()).isEqualTo(1);
        assertThat(site.path("new").path("tier").asInt()).isEqualTo(2);
        assertThat(Files.readString(html)).contains("<title>costlevel diff · 1 change beyond the noise</title>").doesNotContain("{{");
    }

    /** A directory is analysed first (the same path as analyze) and compared with the report analyze wrote of it. */
    @Test
    void anAgentDirectoryAndTheReportOfItAreNoChange() {
        CommandLineRun run = CommandLineRun.of("diff", GOLDEN.resolve("agent-cas-2t").toString(),
                GOLDEN.resolve("agent-cas-2t.expected.json").toString(), "--fail-on", "tier-increase,new-tier>=2,nsPerOp+10%");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("no change beyond the noise");
    }

    @Test
    void theAgentsOwnSitesFileIsAnalysedNotReadAsAReport() {
        String sites = Path.of("src/test/resources/agent-fixtures/synchronized-8t-sites.json").toString();
        CommandLineRun run = CommandLineRun.of("diff", sites, sites, "--fail-on", "tier-increase");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("no change beyond the noise");
    }

    @Test
    void aRunWithTheAgentAndOneWithoutAreMismatched() {
        assertOneLineError(CommandLineRun.of("diff", GOLDEN.resolve("agent-blocking-ticket-8t").toString(),
                GOLDEN.resolve("jfr-blocking-ticket-8t.jfr").toString()), 1, "not comparable");
    }

    @Test
    void badInputsAreOneLineAndExit1() throws IOException {
        Path good = atomicMovesToL2()[0];
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"schemaVersion\": 1, \"sites\": [");
        Path newer = Files.writeString(dir.resolve("newer.json"), "{\"schemaVersion\": 99, \"sites\": []}");
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a report");
        Path missing = dir.resolve("missing.json");

        assertOneLineError(CommandLineRun.of("diff", good.toString(), broken.toString()), 1, "broken.json: not valid JSON");
        assertOneLineError(CommandLineRun.of("diff", newer.toString(), good.toString()), 1, "schemaVersion 99");
        assertOneLineError(CommandLineRun.of("diff", good.toString(), text.toString()), 1, "notes.txt");
        assertOneLineError(CommandLineRun.of("diff", good.toString(), missing.toString()), 1, "missing.json: no such file");
    }

    @Test
    void usageErrorsExit2() throws IOException {
        String base = atomicMovesToL2()[0].toString();
        String now = dir.resolve("new.json").toString();
        assertThat(CommandLineRun.of("diff", base).exitCode()).isEqualTo(2);
        assertThat(CommandLineRun.of("diff", base, now, "--no-such-option").exitCode()).isEqualTo(2);
        CommandLineRun badRule = CommandLineRun.of("diff", base, now, "--fail-on", "tier-decrease");
        assertThat(badRule.exitCode()).isEqualTo(2);
        assertThat(badRule.err()).startsWith("costlevel: --fail-on: unknown rule 'tier-decrease'");
        CommandLineRun badShare = CommandLineRun.of("diff", base, now, "--min-share", "150%");
        assertThat(badShare.exitCode()).isEqualTo(2);
        assertThat(badShare.err()).startsWith("costlevel: --min-share 150%: must be at least 0 and below 1");
    }

    @Test
    void minShareTakesAFractionOrAPercent() {
        assertThat(DiffCommand.parseShare("0.01")).isEqualTo(0.01);
        assertThat(DiffCommand.parseShare("2.5%")).isEqualTo(0.025);
        assertThat(DiffCommand.parseShare("0")).isZero();
    }
}
