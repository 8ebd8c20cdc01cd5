package io.costlevel.agent.it;

import static io.costlevel.agent.it.SitesFile.count;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;

import io.costlevel.stressapp.StressApp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 64 threads on every kind of site under the agent with a snapshot every second, JFR and async-profiler on: the
 * run ends within its bound (no deadlock between the application's locks, the probes and the snapshot thread), and
 * at every site the agent's {@code ops} equal what the application counted itself (no lost counts).
 *
 * <p>How long: a minute on the build JDK (issue 7's "for a minute"), {@code -Dcostlevel.stress.seconds=N} to
 * shorten it locally. On the other JDK (25) the same run lasts {@link #OTHER_JDK_SECONDS} at most: the minute is
 * the soak, the second JDK checks that the probes and the snapshots behave the same there, and another full minute
 * on a 2-core machine would only make the suite longer.
 */
class StressIT {
    private static final int SECONDS = Integer.getInteger("costlevel.stress.seconds", 60);
    private static final int OTHER_JDK_SECONDS = 20;
    /** Beyond the run itself: JVM and agent start, 64 threads finishing their round, the final snapshot. */
    private static final int SLACK_SECONDS = 90;

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.costlevel.agent.it.Jdk#all")
    void sixtyFourThreadsOnEverySiteKindLoseNoCount(Jdk jdk) throws Exception {
        Path dir = Paths.get("target", "it-runs", "stress", jdk.java().getParent().getParent().getFileName().toString())
                .toAbsolutePath();
        Path out = dir.resolve("out");
        int seconds = jdk.isBuildJdk() ? SECONDS : Math.min(SECONDS, OTHER_JDK_SECONDS);
        ForkedJvm.Result result = new ForkedJvm(jdk).timeoutSeconds(seconds + SLACK_SECONDS)
                .agent("out=" + out + ",interval=1,include=io.costlevel.stressapp.")
                .run(dir, "-cp", Paths.get("target", "test-classes").toAbsolutePath().toString(),
                        StressApp.class.getName(), Integer.toString(seconds), "64");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stderr()).as(result.toString()).doesNotContain("costlevel:");
        Map<StressApp.Op, Long> counted = printedCounts(result.stdout());
        SitesFile sites = SitesFile.read(out);
        assertThat(sites.section("snapshot")).containsEntry("final", true);
        assertThat(sites.section("agent")).containsEntry("errors", 0L).containsEntry("droppedSites", 0L);
        for (StressApp.Op op : StressApp.Op.values()) {
            assertThat(counted.get(op)).as("the application did %s", op).isPositive();
            assertThat(count(sites.site("StressApp", op.method, op.primitive), "ops"))
                    .as("agent ops at %s (%s)", op.method, op.primitive).isEqualTo(counted.get(op));
        }
    }

    private static Map<StressApp.Op, Long> printedCounts(String stdout) {
        Map<StressApp.Op, Long> counts = new HashMap<>();
        for (String line : stdout.split("\n")) {
            String[] parts = line.trim().split(" ");
            if (parts.length == 4 && parts[0].equals("SITE")) {
                for (StressApp.Op op : StressApp.Op.values()) {
                    if (op.method.equals(parts[1])) {
                        counts.put(op, Long.parseLong(parts[3]));
                    }
                }
            }
        }
        assertThat(counts).as("counts printed by the application: %s", stdout).hasSize(StressApp.Op.values().length);
        return counts;
    }
}
