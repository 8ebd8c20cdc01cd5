package io.costlevel.agent.capture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a JVM in its own process, bounded in time: stdout and stderr go to files, a hung JVM is killed. */
final class ForkedJvm {
    final Path javaHome;
    private final List<String> command = new ArrayList<>();

    ForkedJvm(Path javaHome) {
        this.javaHome = javaHome;
        command.add(javaHome.resolve("bin/java").toString());
    }

    ForkedJvm arg(String... args) {
        command.addAll(List.of(args));
        return this;
    }

    Process start(Path logDir) throws IOException {
        Files.createDirectories(logDir);
        return new ProcessBuilder(command)
                .redirectOutput(logDir.resolve("stdout.txt").toFile())
                .redirectError(logDir.resolve("stderr.txt").toFile())
                .start();
    }

    /** Runs to the end; returns the exit code, or fails the test if it takes longer than {@code seconds}. */
    Result run(Path logDir, long seconds) throws IOException, InterruptedException {
        Process p = start(logDir);
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("forked JVM did not finish in " + seconds + " s: " + command
                    + "\nstderr: " + Files.readString(logDir.resolve("stderr.txt")));
        }
        return new Result(p.exitValue(), Files.readString(logDir.resolve("stdout.txt"), StandardCharsets.UTF_8),
                Files.readString(logDir.resolve("stderr.txt"), StandardCharsets.UTF_8));
    }

    /** A finished JVM. */
    static final class Result {
        final int exitCode;
        final String stdout;
        final String stderr;

        Result(int exitCode, String stdout, String stderr) {
            this.exitCode = exitCode;
            this.stdout = stdout;
            this.stderr = stderr;
        }
    }
}
