package io.costlevel.analyzer.accuracy;

import io.costlevel.analyzer.report.Site;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a tier claims about the mechanism, checked against the site's evidence: a tier the evidence
 * does not back is a classifier bug whatever the expected ladder says.
 */
final class EvidenceConsistency {
    private EvidenceConsistency() {}

    static void assertConsistent(Site site) {
        Map<String, Object> e = site.evidence();
        String where = site.className() + "." + site.methodName() + ":" + site.line() + " L" + site.tier() + " " + e;
        switch (site.tier()) {
            case 5 -> {
                // Counted onSpinWait calls, or a wait loop inferred from its CPU time per op of its method.
                assertThat(number(e, "spins") + number(e, "methodOps")).as("L5 needs spins: %s", where).isPositive();
                assertThat(number(e, "threads")).as("L5 needs threads > cores: %s", where).isGreaterThan(number(e, "cores"));
            }
            case 4 -> assertThat(number(e, "parks") + number(e, "waits") + number(e, "sleeps")
                    + number(e, "jfrParkEvents") + number(e, "jfrMonitorEnterEvents") + number(e, "jfrWaitEvents")
                    + number(e, "jfrSleepEvents") + number(e, "jfrPinnedEvents")
                    + (number(e, "threads") > number(e, "cores") ? number(e, "yields") : 0))
                    .as("L4 needs blocking, pinned virtual threads, or yields with threads > cores: %s", where).isPositive();
            // A JDK call timed at a kernel entry's cost or more (CallCostRule): the agent sees no counter inside it.
            case 3 -> assertThat(number(e, "yields") + number(e, "parks") + number(e, "wakeups") + virtualHandoffs(e)
                    + (number(e, "callNsPerOp") >= 300 ? 1 : 0))
                    .as("L3 needs system calls, virtual threads unmounting, or a JDK call costing one: %s", where).isPositive();
            case 2 -> {
                // One thread at a line whose line another thread moves at another site (a producer and its consumer).
                assertThat(number(e, "threads") >= 2 || number(e, "lineHandoffs") > 0)
                        .as("L2 needs two threads, or another site's thread moving the line: %s", where).isTrue();
                assertThat(number(e, "casFailures") + number(e, "contended") + number(e, "handoffs") + number(e, "spins")
                        + number(e, "methodOps") + number(e, "lineHandoffs") + number(e, "contendedMonitorSamples")
                        + virtualHandoffs(e))
                        .as("L2 needs the line to move, or virtual threads handing over: %s", where).isPositive();
            }
            // Or, at low confidence, CPU samples inside synchronization the agent did not count (issue 11, item 4).
            case 1 -> assertThat(number(e, "ops") + ("low".equals(site.confidence()) ? number(e, "jfrCpuSamples") : 0))
                    .as("L1 needs counted synchronization: %s", where).isPositive();
            case 0 -> {
                assertThat(number(e, "jfrCpuSamples")).as("L0 needs CPU samples: %s", where).isPositive();
                assertThat(number(e, "ops")).as("L0 has no synchronization: %s", where).isZero();
            }
            default -> throw new AssertionError("no such tier: " + where);
        }
    }

    /** A virtual thread's block, seen by the agent or as samples and parks in the unmount/remount path. */
    private static double virtualHandoffs(Map<String, Object> e) {
        return number(e, "virtualBlocks") + number(e, "jfrVirtualHandoffSamples") + number(e, "jfrVirtualBlockEvents");
    }

    private static double number(Map<String, Object> evidence, String name) {
        Object v = evidence.get(name);
        return v == null ? 0 : ((Number) v).doubleValue();
    }
}
