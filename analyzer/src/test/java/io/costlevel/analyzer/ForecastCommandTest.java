package io.costlevel.analyzer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The forecast command on agent data written here: exit codes, one-line errors, the JSON the contract names. */
class ForecastCommandTest {
    @TempDir
    Path dir;

    /** An agent out directory of a run of an AtomicLong counter at {@code threads} threads on 2 cores, {@code ns} per op. */
    private Path run(int threads, double ns) throws IOException {
        Path out = Files.createDirectories(dir.resolve("run-" + threads));
        long ops = 10_000_000L;
        long checks = ops / 64;
        long shared = threads > 1 ? checks : 0;
        String json = String.format(Locale.ROOT, """
                {"format": "costlevel-agent", "version": 1,
                 "jvm": {"name": "OpenJDK 64-Bit Server VM", "version": "17.0.15", "cores": 2},
                 "agent": {"version": "test", "options": {"include": "com.acme."}, "samplingPeriod": 64, "clockCostNanos": 18},
                 "snapshot": {"sequence": 1, "uptimeMillis": 2000, "final": true},
                 "sites": [{"id": 1, "className": "com.acme.Hits", "methodName": "count", "descriptor": "()V", "line": 12,
                   "kind": "atomic", "primitive": "java.util.concurrent.atomic.AtomicLong.incrementAndGet",
                   "ops": %d, "threads": %d, "handoffChecks": %d, "handoffs": %d, "sameLineChecks": %d, "sharedLineChecks": %d,
                   "latencySamples": %d, "latencyNanos": %d}]}
                """, ops, threads, checks, shared / 2, checks, shared, checks, Math.round(checks * ns));
        Files.writeString(out.resolve("costlevel-sites.json"), json);
        return out;
    }

    private static void assertOneLine(CommandLineRun run, int exitCode, String fragment) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(exitCode);
        assertThat(run.err().lines()).as("stderr: %s", run.err()).hasSize(1);
        assertThat(run.err()).doesNotContain("\tat ").contains(fragment);
    }

    @Test
    void writesEachSitesTierAtNAndTheFit() throws IOException {
        Path json = dir.resolve("forecast.json");

        CommandLineRun run = CommandLineRun.of("forecast", run(1, 6).toString(), run(2, 30).toString(), "--threads", "8",
                "--json", json.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode f = new ObjectMapper().readTree(json.toFile());
        assertThat(f.at("/target/threads").asInt()).isEqualTo(8);
        assertThat(f.at("/target/cores").asInt()).isEqualTo(2);
        JsonNode site = f.at("/sites/0");
        assertThat(site.at("/className").asText()).isEqualTo("com.acme.Hits");
        assertThat(site.at("/line").asInt()).isEqualTo(12);
        assertThat(site.at("/forecastTier").asInt()).isEqualTo(2);
        assertThat(site.at("/mechanism").asText()).isEqualTo("shared-line");
        assertThat(site.at("/reasons/0").asText()).contains("shared by 2 threads today");
        // Two points: sigma through both (6 ns at 1 thread, 30 at 2: X(2)/X(1) = 2 x 6/30 = 0.4 = 2 / (1 + sigma)).
        assertThat(f.at("/sites/0/fit/sigma").asDouble()).isCloseTo(4.0, org.assertj.core.api.Assertions.within(0.01));
        assertThat(f.at("/sites/0/fit/trustworthy").asBoolean()).isFalse();
        assertThat(f.at("/fit/caveats/0").asText()).contains("2 thread counts");
    }

    @Test
    void theTextSaysTheMoveAndTheDefaultIsFourTimesTodaysThreads() throws IOException {
        CommandLineRun run = CommandLineRun.of("forecast", run(2, 30).toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Forecast at 8 threads on 2 cores").contains("L2 -> L2", "com.acme.Hits.count:12")
                .contains("one input: tiers come from the mechanisms alone");
    }

    @Test
    void theHtmlPageEmbedsTheJsonAndSaysTheHeadlineWithoutScript() throws IOException {
        Path html = dir.resolve("forecast.html");

        CommandLineRun run = CommandLineRun.of("forecast", run(1, 6).toString(), run(2, 30).toString(), "--html", html.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String page = Files.readString(html);
        assertThat(page).contains("<title>costlevel forecast · 0 of 1 sites change tier; the highest at 8 threads on 2 cores is L2</title>")
                .contains("\"forecastTier\" : 2").contains("USL fit over 2 thread counts").doesNotContain("{{");
    }

    @Test
    void twoInputsAtOneThreadCountAreOnePointAndBadInput() throws IOException {
        Path a = run(2, 30);
        Path b = Files.createDirectories(dir.resolve("again"));
        Files.copy(a.resolve("costlevel-sites.json"), b.resolve("costlevel-sites.json"));

        assertOneLine(CommandLineRun.of("forecast", a.toString(), b.toString(), "--threads", "8"), 1, "both ran at 2 threads");
    }

    @Test
    void moreCoresThanTheInputsHadCannotBeTold() throws IOException {
        assertOneLine(CommandLineRun.of("forecast", run(2, 30).toString(), "--cores", "16"), 1, "ran on 2 cores");
    }

    @Test
    void threadsOrCoresBelowOneAreUsageErrors() throws IOException {
        Path input = run(2, 30);

        assertThat(CommandLineRun.of("forecast", input.toString(), "--threads", "0").exitCode()).isEqualTo(2);
        assertThat(CommandLineRun.of("forecast", input.toString(), "--cores", "-1").exitCode()).isEqualTo(2);
        assertThat(CommandLineRun.of("forecast", input.toString(), "--threads", "0").err()).contains("--threads and --cores must be 1 or more");
    }

    @Test
    void anUnreadableInputIsOneLine() {
        assertOneLine(CommandLineRun.of("forecast", dir.resolve("missing").toString()), 1, "missing");
    }
}
