package io.costlevel.analyzer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code attach} with a PID it cannot use ends with one line naming the problem, before touching any process. */
class AttachBadInputTest {
    private static void assertOneLine(CommandLineRun run, int exitCode, String fragment) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(exitCode);
        assertThat(run.err().lines()).as(run.err()).hasSize(1);
        assertThat(run.err()).startsWith("costlevel: ").contains(fragment).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void noSuchProcess() {
        long unused = ProcessHandle.allProcesses().mapToLong(ProcessHandle::pid).max().orElse(1) + 100_000;
        assertOneLine(CommandLineRun.of("attach", Long.toString(unused), "--seconds", "1"), 1, "no process with PID " + unused);
    }

    @Test
    void itself() {
        long self = ProcessHandle.current().pid();
        assertOneLine(CommandLineRun.of("attach", Long.toString(self), "--seconds", "1"), 1, "this costlevel command itself");
    }

    @Test
    void noTimeToRecord() {
        assertOneLine(CommandLineRun.of("attach", "1", "--seconds", "0"), 2, "--seconds must be at least 1");
    }

    @Test
    void missingAgentJar() {
        assertOneLine(CommandLineRun.of("attach", "1", "--agent-jar", "/nonexistent/agent.jar"), 1, "no such agent jar");
    }

    @Test
    void pidThatIsNotANumberIsAUsageError() {
        CommandLineRun run = CommandLineRun.of("attach", "not-a-pid");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("PID").contains("not-a-pid");
    }
}
