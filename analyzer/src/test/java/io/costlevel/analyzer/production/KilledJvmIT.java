package io.costlevel.analyzer.production;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.costlevel.analyzer.CommandLineRun;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} of a JVM under the agent: no shutdown hook runs, so what the analyzer gets is the last periodic
 * snapshot (interval=1 here). It must read it as a whole run: exit 0, the sample's site with its operations, and a
 * blind spot saying that the last interval is missing.
 */
class KilledJvmIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long SNAPSHOT_WAIT_MILLIS = 120_000;

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.costlevel.analyzer.production.Jvm#all")
    void theLastSnapshotOfAKilledJvmIsAnalyzed(Jvm jvm, @TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        try (ForkedProcess app = ForkedProcess.start(dir, "app", jvm.java(), List.of(
                "-javaagent:" + Jvm.builtJar("costlevel.agentJar") + "=out=" + out + ",interval=1,include=io.costlevel.samples.",
                "-jar", Jvm.builtJar("costlevel.samplesJar").toString(), "atomic", "--threads", "2", "--seconds", "300"))) {
            long first = awaitSnapshotAfter(app, out, 0);
            awaitSnapshotAfter(app, out, first); // one more interval: the kill lands between two snapshots
            app.killHard();
            assertThat(app.isAlive()).isFalse();
        }

        Path report = dir.resolve("report.json");
        CommandLineRun run = CommandLineRun.of("analyze", out.toString(), "--json", report.toString());
        assertThat(run.exitCode()).as("analyze: %s", run.err()).isZero();
        JsonNode json = MAPPER.readTree(report.toFile());
        assertThat(json.path("sites").findValuesAsText("className")).contains("io.costlevel.samples.S03_AtomicCounter");
        assertThat(json.path("blindSpots").toString()).contains("did not exit normally");
        assertThat(out.resolve("costlevel.jfr")).as("the recording's last snapshot").isRegularFile();
    }

    /** Waits for a snapshot with a sequence number above {@code after} and returns its sequence. */
    private static long awaitSnapshotAfter(ForkedProcess app, Path out, long after) throws Exception {
        long deadline = System.currentTimeMillis() + SNAPSHOT_WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            assertThat(app.isAlive()).as("the application runs: %s", app).isTrue();
            long sequence = sequence(out.resolve("costlevel-sites.json"));
            if (sequence > after) {
                return sequence;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no snapshot after sequence " + after + " within " + SNAPSHOT_WAIT_MILLIS + " ms: " + app);
    }

    private static long sequence(Path sites) {
        if (!Files.isRegularFile(sites)) {
            return 0;
        }
        try {
            return MAPPER.readTree(sites.toFile()).path("snapshot").path("sequence").asLong(0);
        } catch (IOException replacedWhileReading) {
            return 0;
        }
    }
}
