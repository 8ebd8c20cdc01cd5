package io.costlevel.analyzer.production;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.costlevel.analyzer.CommandLineRun;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} of a JVM under the agent: no shutdown hook runs, so what the analyzer gets is the last periodic
 * snapshot. It must read it as a whole run (exit 0, the application's site, a blind spot saying that the last
 * interval is missing), and that snapshot must lose at most one interval.
 *
 * <p>"At most one interval" is judged from the data, not from this test's clock: {@link ProgressPrintingApp}
 * prints its JVM uptime and its operation count every 100 ms, so its last line says how far it had got when it
 * died. The snapshot is stamped with the same JVM's uptime, and its operation count is compared with the
 * application's own count. Both gaps must stay within one interval plus {@link #WRITE_MARGIN_MILLIS}: a snapshot
 * is taken an interval after the previous one was written, and writing it (the JFR dump) takes time on a loaded
 * machine. The kill comes only after {@link #SNAPSHOTS_BEFORE_KILL} snapshots and half an interval after one of
 * them, so a snapshot that stopped being renewed (or renewed its stamp but not its counts) would be several
 * intervals behind and fail.
 */
class KilledJvmIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long SNAPSHOT_WAIT_MILLIS = 120_000;
    private static final int INTERVAL_SECONDS = 1;
    private static final long INTERVAL_MILLIS = INTERVAL_SECONDS * 1000L;
    /** Time a snapshot may take beyond its interval: the write, and a thread kept off a shared 2-core machine. */
    private static final long WRITE_MARGIN_MILLIS = 3_000;
    /** Enough that a snapshot stuck at an early one is more than interval + margin behind at the kill. */
    private static final int SNAPSHOTS_BEFORE_KILL = 8;
    private static final String COUNTER_CLASS = "io.costlevel.samples.S03_AtomicCounter";

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.costlevel.analyzer.production.Jvm#all")
    void theLastSnapshotOfAKilledJvmIsAnalyzedAndLosesAtMostOneInterval(Jvm jvm, @TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        List<Progress> progress;
        try (ForkedProcess app = ForkedProcess.start(dir, "app", jvm.java(), List.of(
                "-javaagent:" + Jvm.builtJar("costlevel.agentJar") + "=out=" + out + ",interval=" + INTERVAL_SECONDS
                        + ",include=io.costlevel.samples.",
                "-cp", Jvm.builtJar("costlevel.samplesJar") + java.io.File.pathSeparator + testClasses(),
                ProgressPrintingApp.class.getName(), "2"))) {
            awaitSnapshot(app, out, SNAPSHOTS_BEFORE_KILL);
            Thread.sleep(INTERVAL_MILLIS / 2); // between two snapshots, not just after one
            app.killHard();
            assertThat(app.isAlive()).isFalse();
            progress = Progress.parse(app.stdout());
            assertThat(progress).as("progress lines of %s", app).hasSizeGreaterThan(SNAPSHOTS_BEFORE_KILL);
        }

        JsonNode sites = MAPPER.readTree(out.resolve("costlevel-sites.json").toFile());
        long snapshotUptime = sites.path("snapshot").path("uptimeMillis").asLong();
        long snapshotOps = counterSite(sites).path("ops").asLong();
        Progress last = progress.get(progress.size() - 1);
        assertThat(sites.path("snapshot").path("final").asBoolean()).as("no final snapshot after kill -9").isFalse();
        assertThat(last.uptimeMillis - snapshotUptime)
                .as("time the last snapshot lost: the application ran to uptime %d ms, the snapshot is stamped %d ms",
                        last.uptimeMillis, snapshotUptime)
                .isLessThanOrEqualTo(INTERVAL_MILLIS + WRITE_MARGIN_MILLIS);
        assertThat(snapshotOps).as("the snapshot's ops").isPositive();
        long reachedAt = Progress.uptimeWhenReached(progress, snapshotOps);
        assertThat(last.uptimeMillis - reachedAt)
                .as("the snapshot's %d ops the application had done by uptime %d ms, it died after %d ms (%d ops)",
                        snapshotOps, reachedAt, last.uptimeMillis, last.ops)
                .isLessThanOrEqualTo(INTERVAL_MILLIS + WRITE_MARGIN_MILLIS);

        Path report = dir.resolve("report.json");
        CommandLineRun run = CommandLineRun.of("analyze", out.toString(), "--json", report.toString());
        assertThat(run.exitCode()).as("analyze: %s", run.err()).isZero();
        JsonNode json = MAPPER.readTree(report.toFile());
        assertThat(json.path("blindSpots").toString()).contains("did not exit normally");
        // The run's time is the longer of the snapshot's and the recording's, which is dumped just after it.
        assertThat(json.path("run").path("durationSeconds").asDouble()).as("the analyzer read that snapshot's time")
                .isBetween(snapshotUptime / 1000.0, last.uptimeMillis / 1000.0 + 1);
        assertThat(StreamSupport.stream(json.path("sites").spliterator(), false)
                .filter(site -> site.path("className").asText().equals(COUNTER_CLASS))
                .map(site -> site.path("evidence").path("ops").asLong()))
                .as("the analyzer read that snapshot's ops").containsExactly(snapshotOps);
        assertThat(out.resolve("costlevel.jfr")).as("the recording's last snapshot").isRegularFile();
    }

    private static JsonNode counterSite(JsonNode sites) {
        return StreamSupport.stream(sites.path("sites").spliterator(), false)
                .filter(site -> site.path("className").asText().equals(COUNTER_CLASS))
                .findFirst().orElseThrow(() -> new AssertionError("no site of " + COUNTER_CLASS + " in " + sites));
    }

    /** Where this test's classes are, for the forked JVM's class path (ProgressPrintingApp). */
    private static Path testClasses() throws URISyntaxException {
        return Path.of(ProgressPrintingApp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** Waits for a snapshot with at least this sequence number. */
    private static void awaitSnapshot(ForkedProcess app, Path out, long sequence) throws Exception {
        long deadline = System.currentTimeMillis() + SNAPSHOT_WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            assertThat(app.isAlive()).as("the application runs: %s", app).isTrue();
            if (sequence(out.resolve("costlevel-sites.json")) >= sequence) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no snapshot " + sequence + " within " + SNAPSHOT_WAIT_MILLIS + " ms: " + app);
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

    /** One {@code progress uptimeMillis=U ops=N} line of {@link ProgressPrintingApp}. */
    private record Progress(long uptimeMillis, long ops) {
        /** The complete lines: the kill may cut the last one short. */
        static List<Progress> parse(String stdout) {
            List<Progress> lines = new ArrayList<>();
            String complete = stdout.substring(0, stdout.lastIndexOf('\n') + 1);
            for (String line : complete.split("\n")) {
                String[] parts = line.trim().split(" ");
                if (parts.length == 3 && parts[0].equals("progress")) {
                    lines.add(new Progress(Long.parseLong(parts[1].substring("uptimeMillis=".length())),
                            Long.parseLong(parts[2].substring("ops=".length()))));
                }
            }
            return lines;
        }

        /**
         * The uptime of the first line at which the application had done at least {@code ops}; the last line's when
         * none had (the snapshot came after it).
         */
        static long uptimeWhenReached(List<Progress> lines, long ops) {
            for (Progress line : lines) {
                if (line.ops >= ops) {
                    return line.uptimeMillis;
                }
            }
            return lines.get(lines.size() - 1).uptimeMillis;
        }
    }
}
