package io.costlevel.agent.capture;

import io.costlevel.agent.capture.AsyncProfilerApi.ProfilerCommandException;
import java.io.IOException;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * async-profiler writing JFR into a working file. Each checkpoint closes the current chunk
 * ({@code dump}), so the file's finished chunks can be copied into a snapshot while profiling goes on.
 * Disk is bounded by rotating: when the working file passes half the budget it becomes the previous
 * file (the one before is deleted) and profiling restarts into a fresh one.
 */
final class AsyncProfilerSession {
    private final AsyncProfilerApi api;
    private final String startCommand;
    private final Path current;
    private final Path previous;
    private final long rotateAtBytes;
    private final ProfilerEvent event;
    private final boolean locks;

    private AsyncProfilerSession(AsyncProfilerApi api, String startCommand, Path workDir, long maxBytes,
                                 ProfilerEvent event, boolean locks) {
        this.api = api;
        this.startCommand = startCommand;
        this.current = workDir.resolve("async-profiler-current.jfr");
        this.previous = workDir.resolve("async-profiler-previous.jfr");
        this.rotateAtBytes = Math.max(1, maxBytes / 2);
        this.event = event;
        this.locks = locks;
    }

    /**
     * Starts with the configured CPU event, falling back to the ones that need fewer permissions
     * (perf_events may be forbidden by perf_event_paranoid, seccomp or the container).
     */
    static AsyncProfilerSession start(AsyncProfilerApi api, CaptureSettings s, Path workDir, long maxBytes)
            throws ProfilerUnavailableException {
        List<String> refusals = new ArrayList<>();
        for (ProfilerEvent e : s.profilerEvent.withFallbacks()) {
            String command = "start,event=" + e.optionValue() + ",interval=" + s.profilerIntervalNanos
                    + (s.profilerLockNanos > 0 ? ",lock=" + s.profilerLockNanos : "")
                    // jfropts=15: no CPU load, system properties, OS/JVM info or library list; the JDK
                    // recording has them already, twice would double-count CPU load (same as jfrsync).
                    // loglevel=error: its warnings (e.g. kernel symbols hidden) are not the user's to act on.
                    + ",jfropts=15,loglevel=error,jfr,file=";
            AsyncProfilerSession session = new AsyncProfilerSession(api, command, workDir, maxBytes, e, s.profilerLockNanos > 0);
            try {
                session.deleteFiles();
                session.begin();
                return session;
            } catch (ProfilerCommandException | IOException refused) {
                refusals.add(e.optionValue() + ": " + refused.getMessage());
            }
        }
        throw new ProfilerUnavailableException("async-profiler could not start (" + String.join("; ", refusals) + ")");
    }

    ProfilerEvent event() {
        return event;
    }

    /** Whether async-profiler also records lock waits (profiler.lock), so JFR must not record the same events. */
    boolean profilesLocks() {
        return locks;
    }

    private void begin() throws ProfilerCommandException {
        api.execute(startCommand + current);
    }

    /** Finishes the chunk in progress so everything recorded so far can be copied; rotates past the budget. */
    void checkpoint() throws ProfilerCommandException, IOException {
        api.execute("dump,jfr,file=" + current);
        if (Files.size(current) >= rotateAtBytes) {
            api.execute("stop");
            Files.move(current, previous, StandardCopyOption.REPLACE_EXISTING);
            begin();
        }
    }

    /** Appends the finished chunks, oldest first. */
    void appendTo(WritableByteChannel target) throws IOException {
        JfrChunks.appendComplete(previous, target);
        JfrChunks.appendComplete(current, target);
    }

    /** Stops profiling; the last chunk is finished and can still be appended. */
    void stop() throws ProfilerCommandException {
        api.execute("stop");
    }

    void deleteFiles() throws IOException {
        Files.deleteIfExists(current);
        Files.deleteIfExists(previous);
    }
}
