package io.costlevel.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A bad option or a failing agent: one line on stderr, and the application runs and prints what it always does. */
class AgentNeverStopsTheApplicationIT {
    private static final String[] SAMPLE = {"-jar", ForkedJvm.samplesJar().toString(), "atomic", "--ops", "1000"};

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.costlevel.agent.it.Jdk#all")
    void badOptionIsOneLineAndTheApplicationRunsUnchanged(Jdk jdk) throws Exception {
        Path dir = runDir("bad-option", jdk);
        ForkedJvm.Result plain = new ForkedJvm(jdk).run(dir.resolve("plain"), SAMPLE);
        ForkedJvm.Result withBadOption = new ForkedJvm(jdk).agent("intervl=5").run(dir.resolve("agent"), SAMPLE);

        assertThat(withBadOption.exitCode()).isZero();
        assertThat(withoutTimings(withBadOption.stdout())).isEqualTo(withoutTimings(plain.stdout())).contains("ok=true");
        assertThat(withBadOption.stderr().lines()).containsExactly(
                "costlevel: bad option 'intervl=5': unknown key (known: " + knownKeysOf(withBadOption.stderr())
                        + "); agent disabled, application continues");
        assertThat(withBadOption.stderr()).contains("out, include, exclude, interval");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.costlevel.agent.it.Jdk#all")
    void agentThatCannotStartIsOneLineAndTheApplicationRuns(Jdk jdk) throws Exception {
        Path dir = runDir("agent-fails", jdk);
        // A regular file where the out directory should be: the agent cannot create it.
        Path blocked = dir.resolve("blocked");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.writeString(blocked, "not a directory");

        ForkedJvm.Result result = new ForkedJvm(jdk).agent("out=" + blocked.resolve("out")).run(dir, SAMPLE);

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains("ok=true");
        assertThat(result.stderr().lines().filter(line -> line.startsWith("costlevel:")))
                .singleElement().asString().startsWith("costlevel: agent failed to start, application continues");
        assertThat(result.stderr()).doesNotContain("\tat ");
    }

    /** The sample prints its run time; everything else must be the same. */
    private static String withoutTimings(String stdout) {
        return stdout.replaceAll("seconds=\\S+", "seconds=?").replaceAll("([nN])sPerOp=\\S+", "$1sPerOp=?");
    }

    private static String knownKeysOf(String stderr) {
        int start = stderr.indexOf("(known: ") + "(known: ".length();
        return stderr.substring(start, stderr.indexOf(')', start));
    }

    private static Path runDir(String name, Jdk jdk) {
        return Paths.get("target", "it-runs", name, jdk.java().getParent().getParent().getFileName().toString())
                .toAbsolutePath();
    }
}
