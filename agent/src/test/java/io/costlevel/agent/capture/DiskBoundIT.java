package io.costlevel.agent.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code maxDiskMb} bounds the disk the recording takes, under the agent in a real JVM: the blocking ticket lock at
 * 8 threads with {@code jfr.threshold=0ns} and async-profiler off, so that JFR records every one of its parks
 * (about 100,000 a second here, some 4 MB/s: with {@code maxDiskMb=1000} the recording reached 58 MB), with
 * {@code maxDiskMb=4}.
 *
 * <p>The bound is JFR's own, and JFR drops only whole chunks, the oldest first, always keeping the last finished
 * one: the chunk it is writing grows to its {@code maxchunksize} (12 MB by default) before it starts the next. So
 * the documented slack (docs/capture.md, "Disk") is one chunk for the recording and two for JFR's repository.
 * While the JVM runs, every 100 ms:
 * <ul>
 *   <li>{@code out/costlevel.jfr}: at most {@code maxDiskMb} + one chunk;</li>
 *   <li>{@code out}: at most three times that, plus {@link #SLACK_BYTES} for the sites file: each snapshot
 *       writes the new recording beside the previous one before renaming it over it, and the final one first has
 *       JFR dump into the work directory, then copies that dump beside the previous snapshot;</li>
 *   <li>JFR's repository ({@code java.io.tmpdir}, here a directory of the test's): at most {@code maxDiskMb} + two
 *       chunks, plus {@link #SLACK_BYTES}.</li>
 * </ul>
 * Then the last recording must be readable by the JDK's parser with the sample's parks in it, and hold fewer than
 * half of the parks the agent counted: the older ones were dropped, so the bound was really reached.
 */
class DiskBoundIT {
    private static final String S06 = "io.costlevel.samples.S06_BlockingTicketLockCounter";
    private static final int MAX_DISK_MB = 4;
    private static final long MB = 1024L * 1024L;
    /** JFR's default {@code maxchunksize}, the same on JDK 17 and 25. */
    private static final long JFR_CHUNK_BYTES = 12 * MB;
    /** Beyond the recording's copies: the sites file (10 KB for this sample) and JFR's small metadata files. */
    private static final long SLACK_BYTES = MB;
    /**
     * Operations per thread: 400,000 in all, each parking about 4 times: 58 MB of park events when nothing was
     * dropped. Takes about 15 s on a loaded 2-core machine; {@link #RUN_SECONDS} bounds it in any case.
     */
    private static final int OPS_PER_THREAD = 50_000;
    private static final int RUN_SECONDS = 90;
    private static final long TIMEOUT_SECONDS = RUN_SECONDS + 90;

    @TempDir
    Path dir;

    static Stream<Path> jdks() {
        return TestJdks.all().stream();
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void theRecordingStaysWithinMaxDiskMbPlusJfrsChunk(Path jdk) throws Exception {
        Path out = dir.resolve("out");
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        List<String> command = new ArrayList<>(List.of(jdk.resolve("bin/java").toString(), "-Djava.io.tmpdir=" + tmp,
                "-javaagent:" + System.getProperty("costlevel.agentJar") + "=out=" + out
                        + ",interval=1,include=io.costlevel.samples.,jfr.threshold=0ns,profiler=false,maxDiskMb=" + MAX_DISK_MB,
                "-jar", System.getProperty("costlevel.samplesJar"), "blocking-ticket", "--threads", "8",
                "--ops", Integer.toString(OPS_PER_THREAD), "--seconds", Integer.toString(RUN_SECONDS)));
        Process p = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        Path recording = out.resolve(Capture.RECORDING_FILE);
        long peakRecording = 0;
        long peakOut = 0;
        long peakTmp = 0;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            while (!p.waitFor(100, TimeUnit.MILLISECONDS)) {
                assertThat(System.nanoTime()).as("the JVM ends within %d s: %s", TIMEOUT_SECONDS, command).isLessThan(deadline);
                peakRecording = Math.max(peakRecording, sizeIfPresent(recording));
                peakOut = Math.max(peakOut, bytesUnder(out));
                peakTmp = Math.max(peakTmp, bytesUnder(tmp));
            }
        } finally {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(p.exitValue()).as("exit code, stderr: %s", Files.readString(dir.resolve("stderr.txt"))).isZero();

        long recordingBound = MAX_DISK_MB * MB + JFR_CHUNK_BYTES;
        assertThat(peakRecording).as("largest recording while running").isLessThanOrEqualTo(recordingBound);
        assertThat(Files.size(recording)).as("the last recording").isLessThanOrEqualTo(recordingBound);
        assertThat(peakOut).as("largest out directory while running").isLessThanOrEqualTo(3 * recordingBound + SLACK_BYTES);
        assertThat(peakTmp).as("largest JFR repository while running")
                .isLessThanOrEqualTo(recordingBound + JFR_CHUNK_BYTES + SLACK_BYTES);

        RecordingContents contents = RecordingContents.read(recording);
        long recordedParks = contents.count("jdk.ThreadPark");
        assertThat(contents.withFrameOf("jdk.ThreadPark", S06)).as("parks in S06: %s", contents).isPositive();
        long countedParks = Files.readAllLines(out.resolve("costlevel-sites.json")).stream()
                .filter(line -> line.trim().startsWith("\"parks\":"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                .sum();
        assertThat(recordedParks).as("parks in the recording, of %d the agent counted: the oldest were dropped", countedParks)
                .isLessThan(countedParks / 2);
    }

    /** Bytes of the regular files under {@code root}; files that vanish while counting (a rename) are skipped. */
    private static long bytesUnder(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.mapToLong(DiskBoundIT::sizeIfPresent).sum();
        } catch (UncheckedIOException vanished) {
            return 0;
        }
    }

    private static long sizeIfPresent(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (NoSuchFileException gone) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
