package io.costlevel.agent.capture;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The recording side of the agent: one JFR recording plus async-profiler, written to
 * {@code out/costlevel.jfr} at every snapshot and at stop, each time a complete file replaced atomically.
 * Nothing here throws into the agent: what cannot run is reported in one line and the rest goes on.
 *
 * <p>Called by the agent: {@link #start} once, {@link #snapshot} from its snapshot thread every
 * interval, {@link #stop} at exit or detach. The three are serialized.
 */
public final class Capture {
    /** The recording the analyzer reads: JDK events and, merged in, async-profiler's. */
    public static final String RECORDING_FILE = "costlevel.jfr";
    /** async-profiler's chunks when {@code profiler.merge=false}. */
    public static final String PROFILER_FILE = "async-profiler.jfr";
    /** Working files (async-profiler's open file, the JDK's exit dump); removed at stop. */
    static final String WORK_DIR = ".costlevel-capture";

    private final CaptureLog log;
    private final CaptureSettings settings;
    private final Path workDir;
    private final JfrRecording jfr;
    private final AsyncProfilerSession profiler;
    private boolean stopped;

    private Capture(CaptureLog log, CaptureSettings settings, Path workDir, JfrRecording jfr, AsyncProfilerSession profiler) {
        this.log = log;
        this.settings = settings;
        this.workDir = workDir;
        this.jfr = jfr;
        this.profiler = profiler;
    }

    /** Reads the capture's keys (see {@link CaptureSettings#KEYS}) from the agent's options and starts. */
    public static Capture start(Map<String, String> options, Path outDir, Instrumentation inst) {
        CaptureLog log = new CaptureLog();
        CaptureSettings settings = CaptureSettings.from(options, problem -> log.once(problem, problem));
        return start(settings, outDir, inst, log);
    }

    /**
     * Starts async-profiler (when on and loadable) and then the JFR recording, told which events
     * async-profiler already writes. Never throws.
     *
     * @param inst used to let async-profiler's module call JNI without a JDK 24+ warning; may be null
     *             (then that warning can appear on JDK 24+)
     */
    public static Capture start(CaptureSettings settings, Path outDir, Instrumentation inst) {
        return start(settings, outDir, inst, new CaptureLog());
    }

    private static Capture start(CaptureSettings s, Path outDir, Instrumentation inst, CaptureLog log) {
        Path workDir = outDir.resolve(WORK_DIR);
        try {
            return startParts(s, workDir, inst, log);
        } catch (RuntimeException | LinkageError e) {
            log.once("start", "the recording did not start (" + e + ")");
            return new Capture(log, s, workDir, null, null);
        }
    }

    private static Capture startParts(CaptureSettings s, Path workDir, Instrumentation inst, CaptureLog log) {
        try {
            Files.createDirectories(workDir);
        } catch (IOException | RuntimeException e) {
            log.once("workdir", "cannot create " + workDir + " (" + e.getMessage() + "); nothing is recorded");
            return new Capture(log, s, workDir, null, null);
        }
        long profilerBytes = s.jfr ? s.maxDiskBytes / 4 : s.maxDiskBytes;
        AsyncProfilerSession profiler = s.profiler ? startProfiler(s, workDir, inst, profilerBytes, log) : null;
        JfrRecording jfr = s.jfr ? startJfr(s, workDir, profiler, s.maxDiskBytes - (profiler == null ? 0 : profilerBytes), log) : null;
        return new Capture(log, s, workDir, jfr, profiler);
    }

    private static AsyncProfilerSession startProfiler(CaptureSettings s, Path workDir, Instrumentation inst, long maxBytes, CaptureLog log) {
        try {
            return AsyncProfilerSession.start(ProfilerLibrary.load(inst, workDir), s, workDir, maxBytes);
        } catch (ProfilerUnavailableException e) {
            log.once("profiler", e.getMessage() + (s.jfr ? "; recording with JFR alone" : ""));
        } catch (RuntimeException | LinkageError e) {
            log.once("profiler", "async-profiler failed to start (" + e + ")" + (s.jfr ? "; recording with JFR alone" : ""));
        }
        return null;
    }

    private static JfrRecording startJfr(CaptureSettings s, Path workDir, AsyncProfilerSession profiler, long maxBytes, CaptureLog log) {
        Set<String> writtenByProfiler = profiler == null ? Set.of() : JfrEvents.writtenByAsyncProfiler(profiler.profilesLocks());
        try {
            return JfrRecording.start(s, writtenByProfiler, maxBytes, workDir.resolve("jdk-at-exit.jfr"));
        } catch (IOException | RuntimeException | LinkageError e) {
            log.once("jfr", "JFR recording did not start (" + e.getMessage() + ")"
                    + (profiler != null ? "; async-profiler records alone" : ""));
            return null;
        }
    }

    /**
     * CPU time each async-profiler sample stands for (its interval, in every CPU mode: a thread's or the process's
     * CPU time between two samples), or 0 when it does not run. The analyzer cannot take it from the samples'
     * spacing: a thread that waits for a core half the time has them twice as far apart.
     */
    public long cpuSamplePeriodNanos() {
        return profiler == null ? 0 : settings.profilerIntervalNanos;
    }

    /** The CPU event async-profiler runs with (ctimer, cpu, itimer), or null when it does not run. */
    public String profilerEvent() {
        return profiler == null ? null : profiler.event().optionValue();
    }

    public boolean jfrRunning() {
        return jfr != null;
    }

    /** Writes everything recorded so far to {@code out/costlevel.jfr}, replacing the previous snapshot whole. */
    public synchronized void snapshot(Path outDir) {
        if (stopped) {
            return;
        }
        if (profiler != null) {
            try {
                profiler.checkpoint();
            } catch (Exception e) {
                log.once("profiler-dump", "async-profiler snapshot failed (" + e.getMessage() + "); its earlier data is kept");
            }
        }
        write(outDir, jfr == null ? null : jfr::dump);
    }

    /** Final write: stops async-profiler and the recording, writes {@code out}, removes the working files. */
    public synchronized void stop(Path outDir) {
        if (stopped) {
            return;
        }
        stopped = true;
        if (profiler != null) {
            try {
                profiler.stop();
            } catch (Exception e) {
                log.once("profiler-stop", "async-profiler did not stop cleanly (" + e.getMessage() + ")");
            }
        }
        Path jdkFile = jfr == null ? null : jfr.finish(workDir.resolve("jdk-final.jfr"));
        write(outDir, jdkFile == null ? null : target -> copyIfPresent(jdkFile, target));
        if (jfr != null) {
            jfr.close();
        }
        deleteWorkDir();
    }

    private interface JdkPart {
        void writeTo(Path target) throws IOException;
    }

    private void write(Path outDir, JdkPart jdkPart) {
        boolean merged = profiler != null && settings.merge;
        try {
            if (jdkPart != null || merged) {
                replace(outDir.resolve(RECORDING_FILE), jdkPart, merged);
            }
            if (profiler != null && !settings.merge) {
                replace(outDir.resolve(PROFILER_FILE), null, true);
            }
        } catch (JfrRecording.StoppedAtExit e) {
            // a periodic snapshot raced JFR's shutdown hook: the previous snapshot stays until stop() writes the exit file
        } catch (IOException | RuntimeException e) {
            log.once("write", "could not write the recording to " + outDir + " (" + e + "); the previous snapshot is kept");
        }
    }

    /** Builds the file beside its target and renames it over the target, so readers see the old or the new file whole. */
    private void replace(Path target, JdkPart jdkPart, boolean withProfiler) throws IOException {
        Files.createDirectories(target.getParent());
        Path part = target.resolveSibling(target.getFileName() + ".part");
        Files.deleteIfExists(part);
        if (jdkPart != null) {
            jdkPart.writeTo(part);
        }
        try (FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            if (withProfiler) {
                profiler.appendTo(out);
            }
            out.force(false);
        }
        if (Files.size(part) == 0) {
            Files.delete(part); // nothing recorded yet: keep the previous snapshot rather than an empty file
            return;
        }
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void copyIfPresent(Path source, Path target) throws IOException {
        if (Files.exists(source)) {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void deleteWorkDir() {
        try (Stream<Path> files = Files.list(workDir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(workDir);
        } catch (IOException e) {
            log.once("cleanup", "could not remove " + workDir + " (" + e.getMessage() + ")");
        }
    }
}
