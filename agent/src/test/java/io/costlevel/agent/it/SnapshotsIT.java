package io.costlevel.agent.it;

import static io.costlevel.agent.it.SitesFile.count;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Snapshots are written every interval while the JVM runs, and a last, final one at exit. */
class SnapshotsIT {
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.costlevel.agent.it.Jdk#all")
    void writesEveryIntervalAndAFinalSnapshotAtExit(Jdk jdk) throws Exception {
        SampleRun run = SampleRun.of(jdk, "snapshots", "interval=1", "atomic", "--threads", "1", "--seconds", "3");

        Map<String, Object> snapshot = run.sites().section("snapshot");
        assertThat(snapshot.get("final")).isEqualTo(true);
        assertThat(count(snapshot, "sequence")).as("interval snapshots before the final one").isGreaterThanOrEqualTo(3);
        assertThat(count(run.sites().site("S03_AtomicCounter", "increment",
                "java.util.concurrent.atomic.AtomicLong.incrementAndGet"), "ops")).isEqualTo(run.printedOps());
        assertThat(run.sites().section("agent")).containsEntry("errors", 0L).containsEntry("droppedSites", 0L);
    }
}
