package io.costlevel.agent.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The capture in a real JVM running a sample, on every test JDK: the recording must open with the
 * JDK's parser and with {@code jfr summary}, and hold the evidence the analyzer needs.
 */
class CaptureIT {
    private static final String S06 = "io.costlevel.samples.S06_BlockingTicketLockCounter";
    /** The workers' loop around {@code Counter.increment()}; S11's increment is inlined into it once compiled. */
    private static final String WORKER_LOOP = "io.costlevel.samples.CounterRun$Worker.incrementUntilStopped";
    /** Generous: a 2-core machine shared with other builds. */
    private static final long RUN_LIMIT_SECONDS = 60;

    @TempDir
    Path dir;

    static Stream<Path> jdks() {
        return TestJdks.all().stream();
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void blockingTicketLockParksWithTheSampleOnTheStack(Path jdk) throws Exception {
        ForkedJvm.Result run = runSample(jdk, "", "blocking-ticket", 4, 3);

        Path recording = dir.resolve("out").resolve(Capture.RECORDING_FILE);
        assertParksInS06AndCpuSamples(recording); // async-profiler's, merged in
        assertOpensWithJfrSummary(jdk, recording);
        assertThat(dir.resolve("out").resolve(Capture.WORK_DIR)).doesNotExist();
        // JEP 472 (native access) and JEP 498 (Unsafe) warnings must not reach the user on JDK 24+.
        assertThat(run.stderr).doesNotContain("WARNING").doesNotContain("costlevel:");
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void theAgentWritesTheRecordingBesideItsSiteCounts(Path jdk) throws Exception {
        Path out = dir.resolve("out");
        String agent = "-javaagent:" + System.getProperty("costlevel.agentJar") + "=out=" + out + ",include=io.costlevel.samples.";
        ForkedJvm.Result run = runToEnd(sampleJvm(jdk, agent, "blocking-ticket", 4, 2));

        assertThat(out.resolve("costlevel-sites.json")).isNotEmptyFile();
        assertParksInS06AndCpuSamples(out.resolve(Capture.RECORDING_FILE));
        assertThat(run.stderr).doesNotContain("WARNING").doesNotContain("async-profiler");
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void threadLocalCounterIsSampledInItsLoop(Path jdk) throws Exception {
        runSample(jdk, "", "thread-local", 2, 3);

        RecordingContents contents = RecordingContents.read(dir.resolve("out").resolve(Capture.RECORDING_FILE));
        assertThat(contents.withFrameOf("jdk.ExecutionSample", WORKER_LOOP)).as("CPU samples in the loop: %s", contents).isPositive();
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void withoutAsyncProfilerJfrAloneRecordsEverything(Path jdk) throws Exception {
        ForkedJvm.Result run = runSample(jdk, ",profiler=false", "blocking-ticket", 4, 3);

        Path recording = dir.resolve("out").resolve(Capture.RECORDING_FILE);
        RecordingContents contents = assertParksInS06AndCpuSamples(recording); // JFR's own
        assertThat(contents.count("jdk.CPULoad")).isPositive();
        assertThat(contents.count("jdk.ThreadCPULoad")).isPositive();
        assertThat(dir.resolve("out").resolve(Capture.PROFILER_FILE)).doesNotExist();
        assertOpensWithJfrSummary(jdk, recording);
        assertThat(run.stderr).doesNotContain("costlevel:");
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void unmergedAsyncProfilersFileIsExactEvenForTheJfrCommand(Path jdk) throws Exception {
        runSample(jdk, ",profiler.merge=false", "blocking-ticket", 4, 2);

        Path profilerFile = dir.resolve("out").resolve(Capture.PROFILER_FILE);
        assertParksInS06AndCpuSamples(profilerFile);
        assertThat(RecordingContents.read(dir.resolve("out").resolve(Capture.RECORDING_FILE)).count("jdk.ThreadCPULoad"))
                .as("JFR's part").isPositive();
        // One recorder per file: type ids are consistent, so the jfr command's per-type counts are right.
        assertThat(jfrSummary(jdk, profilerFile).lines().filter(l -> l.trim().startsWith("jdk.ThreadPark ")))
                .singleElement().satisfies(l -> assertThat(Long.parseLong(l.trim().split("\\s+")[1])).isPositive());
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void whereAsyncProfilerCannotLoadOneLineSaysSoAndJfrGoesOn(Path jdk) throws Exception {
        // An architecture async-profiler has no library for; the JVM itself runs as usual.
        ForkedJvm.Result run = runSample(jdk, "", "blocking-ticket", 4, 2, "-Dos.arch=sparc");

        assertThat(run.stderr.lines().filter(l -> l.startsWith("costlevel:")))
                .containsExactly("costlevel: no async-profiler library for Linux/sparc; recording with JFR alone");
        assertParksInS06AndCpuSamples(dir.resolve("out").resolve(Capture.RECORDING_FILE)); // JFR's own
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void aSnapshotTakenMidRunIsReadableOnItsOwn(Path jdk) throws Exception {
        Path out = dir.resolve("out");
        Process p = sampleJvm(jdk, testAgent(",interval=1"), "blocking-ticket", 4, 30).start(dir.resolve("logs"));
        try {
            Path recording = out.resolve(Capture.RECORDING_FILE);
            FileTime first = awaitSnapshot(p, recording, null);
            awaitSnapshot(p, recording, first); // the second one: the recording has been replaced once
            Path copy = dir.resolve("mid-run.jfr");
            Files.copy(recording, copy, StandardCopyOption.REPLACE_EXISTING);

            assertParksInS06AndCpuSamples(copy);
            assertOpensWithJfrSummary(jdk, copy);
        } finally {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The blocking ticket lock's parks with the sample's frames, and CPU samples, whoever recorded them. */
    private static RecordingContents assertParksInS06AndCpuSamples(Path recording) throws IOException {
        RecordingContents contents = RecordingContents.read(recording);
        assertThat(contents.withFrameOf("jdk.ThreadPark", S06)).as("parks in S06: %s", contents).isPositive();
        assertThat(contents.count("jdk.ExecutionSample")).as("CPU samples: %s", contents).isPositive();
        return contents;
    }

    private static FileTime awaitSnapshot(Process p, Path file, FileTime after) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RUN_LIMIT_SECONDS);
        while (System.nanoTime() < deadline && p.isAlive()) {
            if (Files.exists(file)) {
                FileTime t = Files.getLastModifiedTime(file);
                if (after == null || t.compareTo(after) > 0) {
                    return t;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + (after == null ? "first" : "new") + " snapshot at " + file);
    }

    private ForkedJvm.Result runSample(Path jdk, String options, String sample, int threads, int seconds, String... jvmArgs)
            throws Exception {
        return runToEnd(sampleJvm(jdk, testAgent(options), sample, threads, seconds, jvmArgs));
    }

    private ForkedJvm.Result runToEnd(ForkedJvm jvm) throws Exception {
        ForkedJvm.Result run = jvm.run(dir.resolve("logs"), RUN_LIMIT_SECONDS);
        assertThat(run.exitCode).as("exit code, stderr: %s", run.stderr).isZero();
        return run;
    }

    /** {@link CaptureTestAgent}: the capture alone, snapshots every 10 s unless {@code options} say otherwise. */
    private String testAgent(String options) throws IOException {
        String agentArgs = "out=" + dir.resolve("out") + (options.contains("interval=") ? "" : ",interval=10") + options;
        return "-javaagent:" + CaptureTestAgentJar.build() + "=" + agentArgs;
    }

    private static ForkedJvm sampleJvm(Path jdk, String javaagent, String sample, int threads, int seconds, String... jvmArgs) {
        return new ForkedJvm(jdk)
                .arg(jvmArgs)
                .arg(javaagent)
                .arg("-jar", System.getProperty("costlevel.samplesJar"), sample,
                        "--threads", Integer.toString(threads), "--seconds", Integer.toString(seconds));
    }

    private void assertOpensWithJfrSummary(Path jdk, Path recording) throws Exception {
        assertThat(jfrSummary(jdk, recording)).contains("jdk.ThreadPark", "jdk.ExecutionSample");
    }

    /** {@code jfr summary} of the JDK under test, which must succeed. */
    private String jfrSummary(Path jdk, Path recording) throws Exception {
        Path output = dir.resolve("summary.txt");
        Process p = new ProcessBuilder(jdk.resolve("bin/jfr").toString(), "summary", recording.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!p.waitFor(RUN_LIMIT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("jfr summary hung on " + recording);
        }
        String summary = Files.readString(output);
        assertThat(p.exitValue()).as("jfr summary: %s", summary).isZero();
        return summary;
    }
}
