package io.costlevel.agent.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code maxDiskMb} bounds the disk the recording takes, under the agent in a real JVM: the blocking ticket lock at
 * 8 threads with {@code jfr.threshold=0ns} and async-profiler off, so that JFR records every one of its parks
 * (often 100,000 a second and 4 MB/s here, but as few as a tenth of that when the threads happen not to contend),
 * with {@code maxDiskMb=4}. The JVM runs until JFR has written {@link #WRITTEN_TARGET_BYTES}, twice what the bound
 * lets it keep (measured from the data: the largest size seen of each chunk file in JFR's repository), and is then
 * stopped with SIGTERM, so the final snapshot runs too.
 *
 * <p>The bound is JFR's own, and JFR drops only whole chunks, the oldest first, always keeping the last finished
 * one: the chunk it is writing grows to its {@code maxchunksize} (12 MB by default) before it starts the next. So
 * the documented slack (docs/capture.md, "Disk") is one chunk for the recording and two for JFR's repository.
 * While the JVM runs, every 100 ms:
 * <ul>
 *   <li>{@code out/costlevel.jfr}: at most {@code maxDiskMb} + one chunk;</li>
 *   <li>{@code out}: at most four times that, plus {@link #SLACK_BYTES} for the sites file: each snapshot
 *       writes the new recording beside the previous one before renaming it over it, and at the final one the
 *       work directory may also hold JFR's own exit dump (its shutdown hook) and the agent's final dump, which is
 *       then copied beside the previous snapshot;</li>
 *   <li>JFR's repository ({@code java.io.tmpdir}, here a directory of the test's): at most {@code maxDiskMb} + two
 *       chunks, plus {@link #SLACK_BYTES}.</li>
 * </ul>
 * Then the last recording must be readable by the JDK's parser, with the sample's parks in it.
 */
class DiskBoundIT {
    private static final String S06 = "io.costlevel.samples.S06_BlockingTicketLockCounter";
    private static final int MAX_DISK_MB = 4;
    private static final long MB = 1024L * 1024L;
    /** JFR's default {@code maxchunksize}, the same on JDK 17 and 25. */
    private static final long JFR_CHUNK_BYTES = 12 * MB;
    /** What the recording may take: {@code maxDiskMb} and the chunk JFR is writing. */
    private static final long RECORDING_BOUND_BYTES = MAX_DISK_MB * MB + JFR_CHUNK_BYTES;
    /** Beyond the recording's copies: the sites file (10 KB for this sample) and JFR's small metadata files. */
    private static final long SLACK_BYTES = MB;
    /** Written by JFR before the stop: twice the bound, so older chunks must have been dropped. */
    private static final long WRITTEN_TARGET_BYTES = 2 * RECORDING_BOUND_BYTES;
    /** The sample's own end: the target takes 8 s at 4 MB/s, 80 s at a tenth of it. */
    private static final int RUN_SECONDS = 120;
    private static final long TIMEOUT_SECONDS = RUN_SECONDS + 60;
    private static final int SIGTERM_EXIT = 143;

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("io.costlevel.agent.capture.TestJdks#all")
    void theRecordingStaysWithinMaxDiskMbPlusJfrsChunk(Path jdk) throws Exception {
        Path out = dir.resolve("out");
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        List<String> command = List.of(jdk.resolve("bin/java").toString(), "-Djava.io.tmpdir=" + tmp,
                "-javaagent:" + System.getProperty("costlevel.agentJar") + "=out=" + out
                        + ",interval=1,include=io.costlevel.samples.,jfr.threshold=0ns,profiler=false,maxDiskMb=" + MAX_DISK_MB,
                "-jar", System.getProperty("costlevel.samplesJar"), "blocking-ticket", "--threads", "8",
                "--seconds", Integer.toString(RUN_SECONDS));
        Process p = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        DiskWatch disk = new DiskWatch(out, tmp);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            boolean stopped = false;
            while (!p.waitFor(100, TimeUnit.MILLISECONDS)) {
                assertThat(System.nanoTime()).as("the JVM ends within %d s: %s", TIMEOUT_SECONDS, command).isLessThan(deadline);
                disk.sample();
                if (!stopped && disk.jfrWritten() >= WRITTEN_TARGET_BYTES) {
                    p.destroy(); // SIGTERM: the shutdown hook writes the final snapshot
                    stopped = true;
                }
            }
        } finally {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String stderr = Files.readString(dir.resolve("stderr.txt"));
        assertThat(disk.jfrWritten()).as("bytes JFR wrote in %d s: the run must write more than the bound keeps, stderr: %s",
                RUN_SECONDS, stderr).isGreaterThanOrEqualTo(WRITTEN_TARGET_BYTES);
        assertThat(p.exitValue()).as("exit code after SIGTERM, stderr: %s", stderr).isEqualTo(SIGTERM_EXIT);
        assertThat(Files.readString(out.resolve("costlevel-sites.json"))).as("the final snapshot ran").contains("\"final\": true");

        assertThat(disk.peakRecording).as("largest recording while running").isLessThanOrEqualTo(RECORDING_BOUND_BYTES);
        assertThat(disk.peakOut).as("largest out directory while running")
                .isLessThanOrEqualTo(4 * RECORDING_BOUND_BYTES + SLACK_BYTES);
        assertThat(disk.peakRepository).as("largest JFR repository while running")
                .isLessThanOrEqualTo(RECORDING_BOUND_BYTES + JFR_CHUNK_BYTES + SLACK_BYTES);
        Path recording = out.resolve(Capture.RECORDING_FILE);
        assertThat(Files.size(recording)).as("the last recording").isLessThanOrEqualTo(RECORDING_BOUND_BYTES);
        RecordingContents contents = RecordingContents.read(recording);
        assertThat(contents.withFramesOf("jdk.ThreadPark", S06)).as("parks in S06: %s", contents).isPositive();
    }

    /** The sizes seen so far: the largest of each directory, and of each chunk file of JFR's repository. */
    private static final class DiskWatch {
        private final Path out;
        private final Path recording;
        private final Path tmp;
        private final Map<Path, Long> chunkSizes = new HashMap<>();
        long peakRecording;
        long peakOut;
        long peakRepository;

        DiskWatch(Path out, Path tmp) {
            this.out = out;
            this.recording = out.resolve(Capture.RECORDING_FILE);
            this.tmp = tmp;
        }

        void sample() throws IOException {
            peakRecording = Math.max(peakRecording, sizeIfPresent(recording));
            peakOut = Math.max(peakOut, total(filesUnder(out)));
            Map<Path, Long> repository = filesUnder(tmp);
            peakRepository = Math.max(peakRepository, total(repository));
            repository.forEach((file, size) -> {
                if (file.toString().endsWith(".jfr")) {
                    chunkSizes.merge(file, size, Math::max);
                }
            });
        }

        /** What JFR has written so far: each chunk at the largest size seen, including chunks it has dropped. */
        long jfrWritten() {
            return total(chunkSizes);
        }

        private static long total(Map<Path, Long> sizes) {
            return sizes.values().stream().mapToLong(Long::longValue).sum();
        }

        /** The regular files under {@code root} and their sizes; files that vanish while listing (a rename) are skipped. */
        private static Map<Path, Long> filesUnder(Path root) throws IOException {
            Map<Path, Long> sizes = new HashMap<>();
            if (!Files.isDirectory(root)) {
                return sizes;
            }
            try (Stream<Path> files = Files.walk(root)) {
                files.forEach(file -> sizes.put(file, sizeIfPresent(file)));
            } catch (UncheckedIOException vanished) {
                // a directory went away while walking: what was seen so far stands
            }
            return sizes;
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
}
