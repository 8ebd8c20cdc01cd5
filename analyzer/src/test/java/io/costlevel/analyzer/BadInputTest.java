package io.costlevel.analyzer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Every unusable input ends with one line on stderr naming the file, a non-zero exit, and no stack trace. */
class BadInputTest {
    @TempDir
    Path dir;

    static Path golden(String name) {
        return Path.of("src/test/resources/golden", name);
    }

    private static void assertOneLineError(CommandLineRun run, String... fragments) {
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err().lines()).as("stderr: %s", run.err()).hasSize(1);
        assertThat(run.err()).startsWith("costlevel: ").doesNotContain("\tat ").doesNotContain("Exception");
        for (String fragment : fragments) {
            assertThat(run.err()).contains(fragment);
        }
    }

    @Test
    void missingFile() {
        Path missing = dir.resolve("nope.jfr");
        assertOneLineError(CommandLineRun.of("analyze", missing.toString()), missing.toString(), "no such file");
    }

    @Test
    void emptyFile() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.jfr"));
        assertOneLineError(CommandLineRun.of("analyze", empty.toString()), "empty");
    }

    @Test
    void truncatedRecording() throws IOException {
        byte[] whole = Files.readAllBytes(golden("jfr-synchronized-8t.jfr"));
        Path half = dir.resolve("half.jfr");
        Files.write(half, Arrays.copyOf(whole, whole.length / 2));
        assertOneLineError(CommandLineRun.of("analyze", half.toString()), "truncated");
    }

    @Test
    void recordingCutInsideItsHeader() throws IOException {
        byte[] whole = Files.readAllBytes(golden("jfr-synchronized-8t.jfr"));
        Path stub = dir.resolve("stub.jfr");
        Files.write(stub, Arrays.copyOf(whole, 10));
        assertOneLineError(CommandLineRun.of("analyze", stub.toString()), stub.toString());
    }

    @Test
    void fileThatIsNotARecording() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.jfr"), "this is not a recording\n");
        assertOneLineError(CommandLineRun.of("analyze", text.toString()), "not a JFR recording");
    }

    @Test
    void corruptBytesInsideARecording() throws IOException {
        byte[] bytes = Files.readAllBytes(golden("jfr-synchronized-8t.jfr"));
        for (int i = bytes.length / 3; i < bytes.length / 3 + 2000; i++) {
            bytes[i] = (byte) 0xff;
        }
        Path corrupt = dir.resolve("corrupt.jfr");
        Files.write(corrupt, bytes);
        CommandLineRun run = CommandLineRun.of("analyze", corrupt.toString());
        // Flipped bytes may land where the parser skips them; when they are noticed, it is one line.
        if (run.exitCode() != 0) {
            assertOneLineError(run, corrupt.toString());
        }
    }

    @Test
    void directoryWithoutAgentData() {
        assertOneLineError(CommandLineRun.of("analyze", dir.toString()), "no costlevel-sites.json");
    }

    @Test
    void agentDataOfAnotherFormat() throws IOException {
        Path json = Files.writeString(dir.resolve("costlevel-sites.json"), "{\"format\": \"something-else\"}");
        assertOneLineError(CommandLineRun.of("analyze", json.toString()), "not a costlevel-sites.json");
    }

    @Test
    void verboseShowsTheStackTrace() {
        CommandLineRun run = CommandLineRun.of("analyze", "--verbose", dir.resolve("nope.jfr").toString());
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("\tat ");
    }

    @Test
    void helpAndVersionSucceed() {
        CommandLineRun help = CommandLineRun.of("analyze", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--json", "--html", "--include", "INPUT");
        CommandLineRun version = CommandLineRun.of("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("costlevel ");
    }

    @Test
    void noInputIsAUsageError() {
        CommandLineRun run = CommandLineRun.of("analyze");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("INPUT");
    }
}
