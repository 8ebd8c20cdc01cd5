package io.costlevel.analyzer.production;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JVM started by a test, its stdout and stderr in files in {@code dir}. Every wait is bounded, and closing it
 * kills whatever still runs, so a failing test leaves no process behind.
 */
final class ForkedProcess implements AutoCloseable {
    private final Process process;
    private final List<String> command;
    private final Path stdout;
    private final Path stderr;

    private ForkedProcess(Process process, List<String> command, Path stdout, Path stderr) {
        this.process = process;
        this.command = command;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static ForkedProcess start(Path dir, String name, Path java, List<String> arguments) throws IOException {
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(arguments);
        Path stdout = dir.resolve(name + ".out");
        Path stderr = dir.resolve(name + ".err");
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        return new ForkedProcess(process, command, stdout, stderr);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the exit; a process still running after {@code seconds} is killed and fails the test. */
    int awaitExit(long seconds) throws InterruptedException, IOException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("still running after " + seconds + " s, killed: " + this);
        }
        return process.exitValue();
    }

    /** SIGKILL, as {@code kill -9}: no shutdown hook runs. */
    void killHard() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    String stdout() throws IOException {
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    String stderr() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            killHard();
        }
    }

    @Override
    public String toString() {
        String err;
        try {
            err = stderr();
        } catch (IOException e) {
            err = "(unreadable)";
        }
        return String.join(" ", command) + "\nstderr: " + err;
    }
}
