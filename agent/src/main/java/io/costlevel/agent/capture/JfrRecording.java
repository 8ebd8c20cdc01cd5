package io.costlevel.agent.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;

/** The JDK Flight Recorder part of the capture: one Recording, bounded on disk, dumped whole at every snapshot. */
final class JfrRecording {
    /** Bounds the wait for JFR's own shutdown hook: a hung hook must not hang the JVM's exit. */
    private static final long CLOSE_WAIT_NANOS = 5_000_000_000L;

    private final Recording recording;
    private final Path exitFile;

    private JfrRecording(Recording recording, Path exitFile) {
        this.recording = recording;
        this.exitFile = exitFile;
    }

    /**
     * @param exitFile where JFR writes the recording when it stops. JFR's own shutdown hook may stop
     *                 it before ours runs; with a destination set the data still lands in this file.
     */
    static JfrRecording start(CaptureSettings s, Set<String> writtenByProfiler, long maxBytes, Path exitFile)
            throws IOException {
        Map<String, String> settings = JfrEvents.settings(baseConfiguration(s.jfrSettings).getSettings(), s, writtenByProfiler);
        Recording r = new Recording(settings);
        r.setName("costlevel");
        r.setToDisk(true);
        r.setMaxSize(maxBytes);
        if (s.maxAgeNanos > 0) {
            r.setMaxAge(Duration.ofNanos(s.maxAgeNanos));
        }
        r.setDestination(exitFile);
        r.setDumpOnExit(true);
        r.start();
        return new JfrRecording(r, exitFile);
    }

    private static Configuration baseConfiguration(String nameOrPath) throws IOException {
        try {
            return Configuration.getConfiguration(nameOrPath);
        } catch (NoSuchFileException | ParseException notAName) {
            try {
                return Configuration.create(Path.of(nameOrPath));
            } catch (IOException | ParseException | RuntimeException e) {
                throw new IOException("jfr.settings=" + nameOrPath + " is neither a JDK configuration (default, profile)"
                        + " nor a readable .jfc file (" + e.getMessage() + ")");
            }
        }
    }

    /**
     * Writes everything recorded so far as a complete file; the recording goes on.
     *
     * @throws StoppedAtExit when JFR's own shutdown hook has stopped the recording (before or during the dump):
     *         the final write takes its exit file, so this snapshot has nothing to add
     */
    void dump(Path target) throws IOException {
        if (recording.getState() != RecordingState.RUNNING) {
            throw new StoppedAtExit();
        }
        try {
            recording.dump(target);
        } catch (IOException | IllegalStateException e) {
            if (recording.getState() != RecordingState.RUNNING) {
                throw new StoppedAtExit();
            }
            throw e;
        }
    }

    /** The JVM is exiting and JFR stopped the recording: not a failure to report, the final write follows. */
    static final class StoppedAtExit extends IOException {
        StoppedAtExit() {
            super("recording stopped by JFR at JVM exit");
        }
    }

    /**
     * Writes the whole recording to {@code finalFile} and closes it; returns the file that holds the
     * recording: {@code finalFile}, or the exit file when JFR's own shutdown hook got there first.
     * Stopping it ourselves at exit is not safe (the JDK hook may be tearing the repository down at
     * the same moment, and the destination is then left empty), so a running recording is dumped.
     */
    Path finish(Path finalFile) {
        if (recording.getState() == RecordingState.RUNNING) {
            try {
                recording.dump(finalFile);
                if (Files.size(finalFile) > 0) {
                    close();
                    return finalFile;
                }
            } catch (IOException | IllegalStateException shuttingDown) {
                // JFR's shutdown hook is stopping it: it writes exitFile
            }
        }
        awaitClosed();
        return exitFile;
    }

    /**
     * JFR's shutdown hook marks the recording stopped, then writes the destination, then closes it
     * (jdk.jfr.internal.PlatformRecording.stop): the file is complete once the state is CLOSED.
     */
    private void awaitClosed() {
        long deadline = System.nanoTime() + CLOSE_WAIT_NANOS;
        while (recording.getState() != RecordingState.CLOSED && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    void close() {
        try {
            recording.close(); // a running recording is stopped without writing its destination
        } catch (IllegalStateException alreadyClosed) {
            // closed by JFR's shutdown hook
        }
    }
}
