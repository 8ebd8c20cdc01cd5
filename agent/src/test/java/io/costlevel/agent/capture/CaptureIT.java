package io.costlevel.agent.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The capture in a real JVM running a sample, on every test JDK: the recording must open with the
 * JDK's parser and with {@code jfr summary}, and hold the evidence the analyzer needs.
 */
class CaptureIT {
    /**
     * For the runs where JFR samples CPU alone, with this sample: its threads are parked most of the time and JFR's
     * sampler takes only threads running Java code. At the default 20 ms, 3 s runs got 3 samples on an idle machine
     * and none, twice, on a loaded CI machine (203,557 and 195,776 parks); at 10 ms for 6 s, 13; at 1 ms for 6 s, 68.
     */
    private static final String JFR_SAMPLES_OF_PARKED_THREADS = ",jfr.samplePeriod=1ms";

    private static final String S06 = "io.costlevel.samples.S06_BlockingTicketLockCounter.increment";
    /**
     * S06's waiters sleep in {@code awaitUninterruptibly}; its park on the Condition itself goes through
     * {@code ConditionNode.block} (JDK 17 and 25), while the lock's re-acquisition at the end of the same
     * method parks in {@code AbstractQueuedSynchronizer.acquire} on the ReentrantLock: only the former is the
     * Condition wait, and only it is missed by async-profiler's lock profiling.
     */
    private static final String CONDITION_AWAIT = "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject.awaitUninterruptibly";
    private static final String CONDITION_PARK = "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionNode.block";
    /** S11's hot path: the increment of the thread's own slot. */
    private static final String S11_INCREMENT = "io.costlevel.samples.S11_ThreadLocalCounter$Slot.increment";
    /** The workers' loop around {@code Counter.increment()}. */
    private static final String WORKER_LOOP = "io.costlevel.samples.CounterRun$Worker.incrementUntilStopped";
    /**
     * Inlined into the workers' loop, C2 folds S11's one-field increment into the loop so that no
     * sample's PC maps to it: in 3 s, 4 of 514 async-profiler samples held its frame on JDK 17 and 0 of
     * 570 on JDK 25, every one an interpreted or C1 frame from before C2 compiled the loop (none at all
     * with -XX:+DebugNonSafepoints). Kept as a compiled method of its own, it is where the thread spends a
     * share of its time (about 15 % of the samples), so its samples show that CPU samples of the sample's
     * own code reach the recording with its frame.
     */
    private static final String[] S11_NOT_INLINED = {
            "-XX:CompileCommand=quiet", "-XX:CompileCommand=dontinline,io.costlevel.samples.S11_ThreadLocalCounter$Slot::increment"};
    /** Generous: a 2-core machine shared with other builds. */
    private static final long RUN_LIMIT_SECONDS = 60;

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("io.costlevel.agent.capture.TestJdks#all")
    void blockingTicketLockParksWithTheSampleOnTheStack(Path jdk) throws Exception {
        ForkedJvm.Result run = runSample(jdk, "", "blocking-ticket", 4, 3);

        Path recording = dir.resolve("out").resolve(Capture.RECORDING_FILE);
        RecordingContents contents = assertParksInS06AndCpuSamples(recording); // JFR's parks, async-profiler's CPU samples merged in
        assertOpensWithJfrSummary(jdk, recording);
        // JDK Mission Control reads the merged file whole, async-profiler's samples too (which `jfr summary` mis-names).
        Map<String, Long> jmc = JmcCounts.of(recording);
        for (String type : List.of("jdk.ExecutionSample", "jdk.ThreadPark", "jdk.ThreadCPULoad")) {
            assertThat(jmc.getOrDefault(type, 0L)).as("%s in JMC", type).isEqualTo(contents.count(type));
        }
        assertThat(dir.resolve("out").resolve(Capture.WORK_DIR)).doesNotExist();
        // JEP 472 (native access) and JEP 498 (Unsafe) warnings must not reach the user on JDK 24+.
        assertThat(run.stderr).doesNotContain("WARNING").doesNotContain("costlevel:");
    }

    @ParameterizedTest
    @MethodSource("io.costlevel.agent.capture.TestJdks#all")
    void theAgentWritesTheRecordingBesideItsSiteCounts(Path jdk) throws Exception {
        Path out = dir.resolve("out");
        String agent = "-javaagent:" + System.getProperty("costlevel.agentJar") + "=out=" + out + ",include=io.costlevel.samples.";
        ForkedJvm.Result run = runToEnd(sampleJvm(jdk, agent, "blocking-ticket", 4, 2));

        assertThat(out.resolve("costlevel-sites.json")).isNotEmptyFile();
        assertParksInS06AndCpuSamples(out.resolve(Capture.RECORDING_FILE));
        assertThat(run.stderr).doesNotContain("WARNING").doesNotContain("async-profiler");
    }

    @ParameterizedTest
    @MethodSource("io.costlevel.agent.capture.TestJdks#all")
    void threadLocalCounterIsSampledInItsLoop(Path jdk) throws Exception {
        runSample(jdk, "", "thread-local", 2, 3, S11_NOT_INLINED);

        RecordingContents contents = RecordingContents.read(dir.resolve("out").resolve(Capture.RECORDING_FILE));
        assertThat(contents.withFramesOf("jdk.ExecutionSample", S11_INCREMENT, WORKER_LOOP))
                .as("CPU samples in S11's increment, in the loop: %s", contents).isPositive();
    }

    @ParameterizedTest
    @MethodSource("io.costlevel.agent.capture.TestJdks#all")
    void asyncProfilersLockProfilingWhenAskedForReplacesJfrsParksAndMissesConditionWaits(Path jdk) throws Exception {
        runSample(jdk, ",profiler.lock=20us,profiler.merge=false", "blocking-ticket", 4, 2);

        RecordingContents jfrs = RecordingContents.read(dir.resolve("out").resolve(Capture.RECORDING_FILE));
        RecordingContents profilers = RecordingContents.read(dir.resolve("out").resolve(Capture.PROFILER_FILE));
        assertThat(jfrs.count("jdk.ThreadPark")).as("JFR's parks are off: %s", jfrs).isZero();
        // Parks acquiring the ReentrantLock: in lock(), and (most of them) when a woken await re-acquires it.
        assertThat(profilers.withFramesOf("jdk.ThreadPark", S06, "java.util.concurrent.locks.AbstractQueuedSynchronizer.acquire"))
                .as("async-profiler's parks on the ReentrantLock: %s", profilers).isPositive();
        // async-profiler 4.2 records parks on ReentrantLock/Semaphore synchronizers only (docs/capture.md).
        assertThat(profilers.withFramesOf("jdk.ThreadPark", CONDITION_PARK)).as("parks on the Condition").isZero();
    }

    @ParameterizedTest
    @MethodSource("io.costlevel.agent.capture.TestJdks#all")
    void withoutAsyncProfilerJfrAloneRecordsEverything(Path jdk) throws Exception {
        ForkedJvm.Result run = runSample(jdk, ",profiler=false" + JFR_SAMPLES_OF_PARKED_THREADS, "blocking-ticket", 4, 6);

        Path recording = dir.resolve("out").resolve(Capture.RECORDING_FILE);
        RecordingContents contents = assertParksInS06AndCpuSamples(recording); // JFR's own
        assertThat(contents.count("jdk.CPULoad")).isPositive();
        assertThat(contents.count("jdk.ThreadCPULoad")).isPositive();
        assertThat(dir.resolve("out").resolve(Capture.PROFILER_FILE)).doesNotExist();
        assertOpensWithJfrSummary(jdk, recording);
        assertThat(run.stderr).doesNotContain("costlevel:");
    }

    @ParameterizedTest
    @MethodSource("io.costlevel.agent.capture.TestJdks#all")
    void unmergedAsyncProfilersFileIsExactEvenForTheJfrCommand(Path jdk) throws Exception {
        runSample(jdk, ",profiler.merge=false", "blocking-ticket", 4, 2);

        Path jfrFile = dir.resolve("out").resolve(Capture.RECORDING_FILE);
        Path profilerFile = dir.resolve("out").resolve(Capture.PROFILER_FILE);
        RecordingContents jfrs = RecordingContents.read(jfrFile);
        RecordingContents profilers = RecordingContents.read(profilerFile);
        assertThat(jfrs.withFramesOf("jdk.ThreadPark", S06, CONDITION_AWAIT, CONDITION_PARK)).as("JFR's parks: %s", jfrs).isPositive();
        assertThat(jfrs.count("jdk.ExecutionSample")).as("JFR's sampler is off while async-profiler samples").isZero();
        assertThat(profilers.count("jdk.ExecutionSample")).as("async-profiler's CPU samples: %s", profilers).isPositive();
        assertThat(profilers.count("jdk.ThreadPark")).as("async-profiler's lock profiling is off by default").isZero();
        // One recorder per file: type ids are consistent, so the jfr command's per-type counts are exact.
        assertThat(summaryCount(jdk, jfrFile, "jdk.ThreadPark")).isEqualTo(jfrs.count("jdk.ThreadPark"));
        assertThat(summaryCount(jdk, profilerFile, "jdk.ExecutionSample")).isEqualTo(profilers.count("jdk.ExecutionSample"));
    }

    @ParameterizedTest
    @MethodSource("io.costlevel.agent.capture.TestJdks#all")
    void whereAsyncProfilerCannotLoadOneLineSaysSoAndJfrGoesOn(Path jdk) throws Exception {
        // An architecture async-profiler has no library for; the JVM itself runs as usual.
        ForkedJvm.Result run = runSample(jdk, JFR_SAMPLES_OF_PARKED_THREADS, "blocking-ticket", 4, 6, "-Dos.arch=sparc");

        assertThat(run.stderr.lines().filter(l -> l.startsWith("costlevel:")))
                .containsExactly("costlevel: no async-profiler library for Linux/sparc; recording with JFR alone");
        assertParksInS06AndCpuSamples(dir.resolve("out").resolve(Capture.RECORDING_FILE)); // JFR's own
    }

    @ParameterizedTest
    @MethodSource("io.costlevel.agent.capture.TestJdks#all")
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

    /**
     * The blocking ticket lock's waits on its Condition, with the sample's frames, and CPU samples,
     * whoever recorded them. A Condition wait is what a BlockingQueue's put/take does too.
     */
    private static RecordingContents assertParksInS06AndCpuSamples(Path recording) throws IOException {
        RecordingContents contents = RecordingContents.read(recording);
        assertThat(contents.withFramesOf("jdk.ThreadPark", S06, CONDITION_AWAIT, CONDITION_PARK))
                .as("parks in S06's Condition wait: %s", contents).isPositive();
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

    /** The count {@code jfr summary} gives for one event type. */
    private long summaryCount(Path jdk, Path recording, String eventType) throws Exception {
        String summary = jfrSummary(jdk, recording);
        return summary.lines().map(String::trim).filter(l -> l.startsWith(eventType + " ")).findFirst()
                .map(l -> Long.parseLong(l.split("\\s+")[1]))
                .orElseThrow(() -> new AssertionError("no " + eventType + " in jfr summary:\n" + summary));
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
