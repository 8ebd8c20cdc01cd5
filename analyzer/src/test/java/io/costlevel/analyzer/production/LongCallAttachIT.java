package io.costlevel.analyzer.production;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.costlevel.analyzer.CommandLineRun;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 on {@link LongCallApp}: two threads that never leave their one call, one incrementing inline (its class
 * is on its stack, so the attach must leave it out), one through a short call into {@code LongCallApp$Step} (which
 * the attach instruments, then gives back). Rates are ops per CPU second of each thread, which a shared machine
 * does not move but interpretation does (the bug of issue 13 took the loop to a tenth, for good). Asserted, with
 * margins wide enough for a loaded 2-core runner: within 30 s of the restore each thread is back to at least 75 % of
 * its rate before, for 3 s (docs/production.md has the figures, within a few %); the class on the stack is never redefined; the
 * report lists the loop's line, not instrumented and so not high confidence, and names the class in blindSpots;
 * the recording's stacks are whole (at most 1 % of its samples cut at a {@code [break_interpreted]} marker); a second attach to the same JVM records and restores.
 */
class LongCallAttachIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String APP = LongCallApp.class.getName();
    private static final String STEP = LongCallApp.Step.class.getName();
    private static final Pattern PROGRESS = Pattern.compile("progress uptimeMillis=(\\d+) inline=(\\d+) inlineCpu=(\\d+) calls=(\\d+) callsCpu=(\\d+)");
    private static final Pattern REDEFINED = Pattern.compile("\\[(\\d+\\.\\d+)s\\] redefined name=([^,]+),");
    private static final double AFTER_MIN_RATIO = 0.75;
    private static final long AFTER_MILLIS = 3_000;
    private static final long RECOVERY_MILLIS = 30_000;
    private static final double BROKEN_MAX_SHARE = 0.01;

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.costlevel.analyzer.production.Jvm#all")
    void aLoopThatNeverReturnsRunsAsFastAfterTheAttachAsBefore(Jvm jvm, @TempDir Path dir) throws Exception {
        try (ForkedProcess app = ForkedProcess.start(dir, "app", jvm.java(), List.of(
                "-Xlog:redefine+class+load=info:file=redefine.log:uptime",
                "-cp", System.getProperty("java.class.path"), APP, "150", "inline", "calls"))) {
            AttachIT.awaitAttachable(app);
            long attachAt = awaitUptime(app, 5_000);

            Path out = dir.resolve("out1");
            assertThat(attach(dir, jvm, app, out, 1, 3)).isZero();
            double restoredAt = awaitRedefinitions(dir, app, 2);
            // The mechanism first: the bug left a running call on an old method that HotSpot never compiles again.
            // JFR itself redefines JDK classes (its file, socket and exception events) when it starts.
            assertThat(redefinitions(dir).keySet().stream().filter(name -> name.startsWith("io.costlevel.")))
                    .as("of the application's classes only the short call's is redefined").containsOnly(STEP);
            List<long[]> progress = progress(app);
            for (int thread = 0; thread < 2; thread++) {
                double before = medianOpsPerCpuSecond(progress, thread, 1_000, attachAt);
                assertRecovers(app, jvm, thread, before, (long) (restoredAt * 1000));
            }
            assertReport(out);

            Path second = dir.resolve("out2");
            assertThat(attach(dir, jvm, app, second, 2, 2)).as("a second attach to the same JVM").isZero();
            awaitRedefinitions(dir, app, 4);
            assertThat(site(second, STEP).path("ops").asLong()).as("the second attach counts").isPositive();
        }
    }

    /**
     * Waits, up to {@link #RECOVERY_MILLIS} after the restore, for {@link #AFTER_MILLIS} of progress whose median rate
     * is at least {@link #AFTER_MIN_RATIO} of {@code before}. A lasting slowdown never gets there; a JIT that has to
     * compile the loop again (the first redefinition after an attach deoptimizes all compiled code on JDK 22 and
     * older, JDK-8324241) gets there late when other builds hold the cores, so the wait is long and the rate, once
     * back, must hold for seconds.
     */
    private static void assertRecovers(ForkedProcess app, Jvm jvm, int thread, double before, long restoredMillis)
            throws Exception {
        String name = thread == 0 ? "inline" : "calls";
        double last = 0;
        for (long from = restoredMillis; from <= restoredMillis + RECOVERY_MILLIS; from += 1_000) {
            awaitUptime(app, from + AFTER_MILLIS);
            last = medianOpsPerCpuSecond(progress(app), thread, from, from + AFTER_MILLIS);
            if (last / before > AFTER_MIN_RATIO) {
                System.out.printf("LongCallAttachIT %s %s: ops per CPU second before %.0f, after %.0f (%.2f), from %.1f s after the restore%n",
                        jvm, name, before, last, last / before, (from - restoredMillis) / 1000.0);
                return;
            }
        }
        throw new AssertionError(String.format("%s thread %s: ops per CPU s %.0f before the attach, %.0f (%.2f) still %d s "
                + "after the restore (a running call left on an old method?); progress: %s", jvm, name, before, last,
                last / before, RECOVERY_MILLIS / 1000, progressRates(progress(app), thread)));
    }

    /** Each second's ops per CPU second of {@code thread}, for a failure to show when the rate moved. */
    private static String progressRates(List<long[]> progress, int thread) {
        StringBuilder rates = new StringBuilder();
        long end = progress.get(progress.size() - 1)[0];
        for (long from = progress.get(0)[0]; from + 1_000 <= end; from += 1_000) {
            rates.append(String.format("%ds %.0fM, ", from / 1000, opsPerCpuSecond(progress, thread, from, from + 1_000) / 1e6));
        }
        return rates.toString();
    }

    private static int attach(Path dir, Jvm jvm, ForkedProcess app, Path out, int n, int seconds) throws Exception {
        ForkedProcess command = ForkedProcess.start(dir, "attach" + n, jvm.java(), List.of(
                "-jar", Jvm.builtJar("costlevel.analyzerJar").toString(), "attach", Long.toString(app.pid()),
                "--seconds", Integer.toString(seconds), "--out", out.toString(), "--include", "io.costlevel.analyzer.production."));
        int exit = command.awaitExit(180);
        assertThat(app.isAlive()).as("the application runs on after attach %d", n).isTrue();
        return exit;
    }

    /** The loop's line is in the report, from CPU samples, as plain CPU of low confidence; the class is a blind spot. */
    private static void assertReport(Path out) throws Exception {
        Path report = out.resolve("report.json");
        CommandLineRun analyzed = CommandLineRun.of("analyze", out.toString(), "--json", report.toString());
        assertThat(analyzed.exitCode()).as(analyzed.err()).isZero();
        JsonNode json = MAPPER.readTree(report.toFile());
        JsonNode loop = StreamSupport.stream(json.path("sites").spliterator(), false)
                .filter(s -> s.path("className").asText().equals(APP) && s.path("methodName").asText().equals("incrementInline"))
                .findFirst().orElseThrow(() -> new AssertionError("no site of the loop in " + json.path("sites")));
        assertThat(loop.path("confidence").asText()).as("a class the agent left out").isEqualTo("low");
        assertThat(json.path("blindSpots").toString()).contains(APP + " was not instrumented");
        assertThat(site(out, STEP).path("kind").asText()).isEqualTo("atomic");
        assertWholeStacks(out.resolve("costlevel.jfr"));
    }

    /**
     * The bug cut every later sample of a thread left on an old method at a {@code [break_interpreted]} marker: about
     * half of this recording's CPU samples (one of its two busy threads). What remains possible is a call entered in the
     * instant between a stack check and its retransformation, or a JDK method JFR itself retransforms when it starts
     * (its I/O events), running old until it returns: a sample or two, so the bound is a share, not zero.
     */
    private static void assertWholeStacks(Path recording) throws IOException {
        long samples = 0;
        List<String> broken = new ArrayList<>();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                    continue;
                }
                samples++;
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                if (frames.stream().anyMatch(f -> f.getMethod().getName().startsWith("[break_"))) {
                    RecordedThread thread = event.getThread("sampledThread");
                    broken.add((thread == null ? "?" : thread.getJavaName()) + ": " + frames.stream().limit(6)
                            .map(f -> f.getMethod().getType().getName() + "." + f.getMethod().getName() + ":" + f.getLineNumber())
                            .collect(Collectors.joining(" <- ")));
                }
            }
        }
        System.out.printf("LongCallAttachIT whole stacks: %d of %d CPU samples cut at a break marker %s%n",
                broken.size(), samples, broken);
        assertThat(samples).as("CPU samples in the attach recording").isPositive();
        assertThat(broken.size()).as("samples cut at a break marker, of %d: %s", samples, broken)
                .isLessThanOrEqualTo((int) (samples * BROKEN_MAX_SHARE));
    }

    private static JsonNode site(Path out, String className) throws IOException {
        JsonNode sites = MAPPER.readTree(out.resolve("costlevel-sites.json").toFile()).path("sites");
        return StreamSupport.stream(sites.spliterator(), false)
                .filter(s -> s.path("className").asText().equals(className))
                .findFirst().orElseThrow(() -> new AssertionError("no site of " + className + " in " + sites));
    }

    /**
     * The median over half-second windows of {@code thread}'s ops per CPU second between two uptimes: a window in
     * which another build took the core's cache or the JIT recompiled does not decide alone.
     */
    private static double medianOpsPerCpuSecond(List<long[]> progress, int thread, long fromMillis, long toMillis) {
        List<Double> rates = new ArrayList<>();
        for (long from = fromMillis; from + 500 <= toMillis; from += 500) {
            long start = from;
            if (progress.stream().filter(row -> row[0] >= start && row[0] <= start + 500).count() >= 2) {
                rates.add(opsPerCpuSecond(progress, thread, from, from + 500));
            }
        }
        assertThat(rates).as("progress windows between %d and %d ms", fromMillis, toMillis).isNotEmpty();
        rates.sort(null);
        return rates.get(rates.size() / 2);
    }

    /** Ops per CPU second of {@code thread} (0 inline, 1 calls) between two uptimes. */
    private static double opsPerCpuSecond(List<long[]> progress, int thread, long fromMillis, long toMillis) {
        long[] first = null;
        long[] last = null;
        for (long[] row : progress) {
            if (row[0] >= fromMillis && row[0] <= toMillis) {
                first = first == null ? row : first;
                last = row;
            }
        }
        assertThat(first).as("progress between %d and %d ms", fromMillis, toMillis).isNotNull();
        assertThat(last[2 + 2 * thread]).isGreaterThan(first[2 + 2 * thread]);
        return (last[1 + 2 * thread] - first[1 + 2 * thread]) * 1e9 / (last[2 + 2 * thread] - first[2 + 2 * thread]);
    }

    private static List<long[]> progress(ForkedProcess app) throws IOException {
        List<long[]> rows = new ArrayList<>();
        Matcher m = PROGRESS.matcher(app.stdout());
        while (m.find()) {
            long[] row = new long[5];
            for (int i = 0; i < 5; i++) {
                row[i] = Long.parseLong(m.group(i + 1));
            }
            rows.add(row);
        }
        return rows;
    }

    /** Waits until the application has printed progress at or past {@code millis} of uptime; returns that uptime. */
    private static long awaitUptime(ForkedProcess app, long millis) throws Exception {
        for (int i = 0; i < 1200; i++) {
            assertThat(app.isAlive()).as("%s", app).isTrue();
            List<long[]> rows = progress(app);
            if (!rows.isEmpty() && rows.get(rows.size() - 1)[0] >= millis) {
                return rows.get(rows.size() - 1)[0];
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no progress up to " + millis + " ms of uptime");
    }

    /** Waits for the n-th redefinition of the short call's class; returns its uptime in seconds. */
    private static double awaitRedefinitions(Path dir, ForkedProcess app, int n) throws Exception {
        for (int i = 0; i < 1200; i++) {
            List<Double> times = redefinitions(dir).getOrDefault(STEP, List.of());
            if (times.size() >= n) {
                return times.get(n - 1);
            }
            assertThat(app.isAlive()).isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError(STEP + " was not redefined " + n + " times (instrumented and restored per attach): "
                + redefinitions(dir));
    }

    private static Map<String, List<Double>> redefinitions(Path dir) throws IOException {
        Map<String, List<Double>> byClass = new HashMap<>();
        Path log = dir.resolve("redefine.log");
        if (Files.exists(log)) {
            Matcher m = REDEFINED.matcher(Files.readString(log));
            while (m.find()) {
                byClass.computeIfAbsent(m.group(2), k -> new ArrayList<>()).add(Double.parseDouble(m.group(1)));
            }
        }
        return byClass;
    }
}
