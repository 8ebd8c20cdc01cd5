package io.costlevel.agent.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs one JVM to completion, bounded in time; its output is kept in files beside the agent's out directory. */
public final class ForkedJvm {
    private static final long TIMEOUT_SECONDS = 90;

    private final Jdk jdk;
    private final List<String> jvmArgs = new ArrayList<>();
    private long timeoutSeconds = TIMEOUT_SECONDS;

    public ForkedJvm(Jdk jdk) {
        this.jdk = jdk;
    }

    public static Path agentJar() {
        return Paths.get(System.getProperty("costlevel.agentJar", "target/costlevel-agent.jar")).toAbsolutePath();
    }

    public static Path samplesJar() {
        return Paths.get(System.getProperty("costlevel.samplesJar", "../samples/target/costlevel-samples.jar"))
                .toAbsolutePath();
    }

    /** Adds {@code -javaagent:costlevel-agent.jar=OPTIONS}. */
    public ForkedJvm agent(String options) {
        jvmArgs.add("-javaagent:" + agentJar() + (options.isEmpty() ? "" : "=" + options));
        return this;
    }

    /** For runs longer than the default bound (the stress test). */
    public ForkedJvm timeoutSeconds(long seconds) {
        timeoutSeconds = seconds;
        return this;
    }

    public ForkedJvm jvmArg(String arg) {
        jvmArgs.add(arg);
        return this;
    }

    /** Runs {@code java JVMARGS MAIN...} in {@code dir}; MAIN is e.g. {@code -jar samples.jar atomic --ops 10}. */
    public Result run(Path dir, String... main) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>();
        command.add(jdk.java().toString());
        command.addAll(jvmArgs);
        command.addAll(List.of(main));
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("timed out after " + timeoutSeconds + " s: " + command);
        }
        return new Result(command, process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    public record Result(List<String> command, int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "command: " + String.join(" ", command) + "\nexit: " + exitCode + "\nstdout:\n" + stdout
                    + "\nstderr:\n" + stderr;
        }
    }
}
