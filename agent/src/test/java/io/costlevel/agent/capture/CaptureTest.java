package io.costlevel.agent.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The capture with JFR alone, inside the test JVM: its files and its one-line complaints. */
class CaptureTest {
    @TempDir
    Path out;
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void catchStderr() {
        originalErr = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStderr() {
        System.setErr(originalErr);
    }

    private String stderr() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    @Test
    void eachSnapshotAndTheFinalWriteAreCompleteRecordings() throws Exception {
        Capture capture = Capture.start(Map.of("profiler", "false", "jfr.threshold", "0ns"), out, null);
        assertThat(capture.jfrRunning()).isTrue();
        assertThat(capture.profilerEvent()).isNull();

        Thread.sleep(5);
        capture.snapshot(out);
        Path recording = out.resolve(Capture.RECORDING_FILE);
        assertThat(RecordingContents.read(recording).withFramesOf("jdk.ThreadSleep", CaptureTest.class.getName())).isPositive();

        Thread.sleep(5);
        capture.stop(out);
        assertThat(RecordingContents.read(recording).withFramesOf("jdk.ThreadSleep", CaptureTest.class.getName())).isGreaterThanOrEqualTo(2);
        try (var files = Files.list(out)) {
            assertThat(files).containsExactly(recording); // no working files, no .part left behind
        }
        capture.snapshot(out); // after stop: nothing happens, nothing breaks
        assertThat(stderr()).isEmpty();
    }

    /**
     * At exit JFR's own shutdown hook stops the recording (writing its destination) while a periodic snapshot may be
     * due: that snapshot is not a failure to report, the previous one stays and the final write takes the exit file.
     * Seen in StressIT on JDK 25 with interval=1.
     */
    @Test
    void aSnapshotAfterJfrsShutdownHookStoppedTheRecordingIsSilent() throws Exception {
        Capture capture = Capture.start(Map.of("profiler", "false", "jfr.threshold", "0ns"), out, null);
        Thread.sleep(5);
        capture.snapshot(out);
        Path recording = out.resolve(Capture.RECORDING_FILE);
        long firstSnapshot = Files.size(recording);

        Thread.sleep(5);
        for (Recording r : FlightRecorder.getFlightRecorder().getRecordings()) {
            if (r.getName().equals("costlevel")) {
                r.stop(); // what jdk.jfr.internal.ShutdownHook does: stop, write the destination, close
                r.close();
            }
        }
        capture.snapshot(out);
        assertThat(stderr()).isEmpty();
        assertThat(Files.size(recording)).isEqualTo(firstSnapshot);

        capture.stop(out);
        assertThat(stderr()).isEmpty();
        assertThat(RecordingContents.read(recording).withFramesOf("jdk.ThreadSleep", CaptureTest.class.getName())).isGreaterThanOrEqualTo(2);
    }

    @Test
    void unknownJfrSettingsAreOneLineAndNothingElseBreaks() {
        Capture capture = Capture.start(Map.of("profiler", "false", "jfr.settings", "no-such-settings"), out, null);
        capture.snapshot(out);
        capture.stop(out);

        assertThat(capture.jfrRunning()).isFalse();
        assertThat(stderr().lines()).containsExactly("costlevel: JFR recording did not start (jfr.settings=no-such-settings is neither"
                + " a JDK configuration (default, profile) nor a readable .jfc file (no-such-settings))");
        assertThat(out.resolve(Capture.RECORDING_FILE)).doesNotExist();
    }

    @Test
    void aBadValueIsOneLineAndTheRestRuns() {
        Capture capture = Capture.start(Map.of("profiler", "false", "jfr.threshold", "fast"), out, null);
        capture.stop(out);

        assertThat(stderr().lines()).containsExactly(
                "costlevel: option jfr.threshold=fast: 'fast' is not a duration (e.g. 20us, 10ms, 1s); using 20us");
        assertThat(out.resolve(Capture.RECORDING_FILE)).isNotEmptyFile();
    }
}
