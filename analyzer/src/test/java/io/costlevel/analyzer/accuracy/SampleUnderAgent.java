package io.costlevel.analyzer.accuracy;

import io.costlevel.analyzer.Analysis;
import io.costlevel.analyzer.input.jfr.Progress;
import io.costlevel.analyzer.report.Report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one sample in a forked JVM under the agent (the jars the build made, paths from failsafe's
 * system properties), then analyses the agent's out directory in this JVM.
 */
final class SampleUnderAgent {
    /** A forked JVM that has not exited by then is killed and the test fails. */
    private static final long TIMEOUT_SECONDS = 60;
    static final String SAMPLES_PACKAGE = "io.costlevel.samples.";

    private SampleUnderAgent() {}

    static Path jar(String property) {
        String path = System.getProperty(property);
        if (path == null || !Files.isRegularFile(Path.of(path))) {
            throw new IllegalStateException("system property " + property + " must name a built jar, was " + path);
        }
        return Path.of(path);
    }

    /** @param java the java launcher of the JDK to run the sample on */
    static Report run(Path java, String sample, int threads, double seconds, Path outDir) throws Exception {
        Path log = outDir.resolveSibling(outDir.getFileName() + ".log");
        List<String> command = List.of(java.toString(),
                "-javaagent:" + jar("costlevel.agentJar") + "=out=" + outDir + ",include=" + SAMPLES_PACKAGE,
                "-jar", jar("costlevel.samplesJar").toString(),
                sample, "--threads", Integer.toString(threads), "--seconds", Double.toString(seconds));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(sample + " did not end within " + TIMEOUT_SECONDS + " s: " + command);
        }
        if (process.exitValue() != 0) {
            throw new AssertionError(sample + " exited with " + process.exitValue() + ": " + read(log));
        }
        return analyzed(outDir);
    }

    static Report analyzed(Path outDir) throws Exception {
        return new Analysis(null, Progress.silent()).run(List.of(outDir));
    }

    /**
     * Runs one sample's own main class (the samples that take a thread kind, S13-S16) in a forked JVM, under the
     * agent or not, and returns its out directory (its output in {@link #log}). Exit 3 (skipped: no virtual
     * threads on JDK 17) is not a failure.
     */
    static Path runMain(Path java, boolean agent, Path work, String sampleClass, String... args) throws Exception {
        return runMain(java, agent, List.of(), work, sampleClass, args);
    }

    /** {@link #runMain} with options for the forked JVM (a system property, a heap size). */
    static Path runMain(Path java, boolean agent, List<String> jvmOptions, Path work, String sampleClass, String... args)
            throws Exception {
        return runForked(java, agent ? SAMPLES_PACKAGE : null, jvmOptions, work, jar("costlevel.samplesJar"),
                SAMPLES_PACKAGE + sampleClass, args);
    }

    /**
     * Runs {@code mainClass} from {@code classpath} in a forked JVM, under the agent instrumenting {@code include}
     * (none when null), and returns the agent's out directory (the program's output in {@link #log}). Under the
     * agent async-profiler samples every 2 ms, so a short run of a loaded machine still has samples on every line.
     */
    static Path runForked(Path java, String include, Path work, Path classpath, String mainClass, String... args) throws Exception {
        return runForked(java, include, List.of(), work, classpath, mainClass, args);
    }

    /** {@link #runForked} with options for the forked JVM. */
    static Path runForked(Path java, String include, List<String> jvmOptions, Path work, Path classpath, String mainClass,
                          String... args) throws Exception {
        String name = mainClass.substring(mainClass.lastIndexOf('.') + 1);
        Path out = Files.createTempDirectory(work, name + (include != null ? "-agent-" : "-plain-"));
        List<String> command = new ArrayList<>(List.of(java.toString()));
        if (include != null) {
            command.add("-javaagent:" + jar("costlevel.agentJar") + "=out=" + out + ",include=" + include
                    + ",profiler.interval=2ms");
        }
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath.toString(), mainClass));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log(out).toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(name + " did not end within " + TIMEOUT_SECONDS + " s: " + command);
        }
        if (process.exitValue() != 0 && process.exitValue() != 3) {
            throw new AssertionError(name + " exited with " + process.exitValue() + ": " + read(log(out)));
        }
        return out;
    }

    static Path log(Path out) {
        return out.resolveSibling(out.getFileName() + ".log");
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
