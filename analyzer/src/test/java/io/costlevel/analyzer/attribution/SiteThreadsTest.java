package io.costlevel.analyzer.attribution;

import io.costlevel.analyzer.input.AgentSite;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, item 6: {@code threads} is the distinct threads that ran a site. A JDK recording and async-profiler's
 * recording of one JVM see the same threads under different ids, so two recordings of 2 threads are 2, not 4;
 * different JVMs' threads are different threads and add up, while "more threads than cores" stays per JVM.
 */
class SiteThreadsTest {
    private static final SiteKey SITE = new SiteKey("com.acme.Cache", "put", 42);

    private static void recording(SiteTable table, int namespace, int threads) {
        Charge charge = table.charge(new Attribution(SITE, "", false));
        for (int t = 0; t < threads; t++) {
            charge.cpuSample(((long) namespace << 32) | t, 3);
        }
        table.endRecording();
    }

    private static AgentSite agent(int threads) {
        return new AgentSite(SITE.className(), SITE.methodName(), SITE.line(), "atomic", null, 1000, threads,
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, io.costlevel.analyzer.input.VirtualShare.NONE);
    }

    @Test
    void twoRecordingsOfOneJvmSeeTheSameThreads() {
        SiteTable table = new SiteTable();
        recording(table, 0, 2);
        recording(table, 1, 2);
        table.addAgentSite(agent(2));
        table.endJvm();
        SiteTally t = table.tally(SITE);
        assertThat(t.threads()).isEqualTo(2);
        assertThat(t.threadsInOneJvm()).isEqualTo(2);
    }

    @Test
    void aMergedRecordingNamesOneThreadDifferentlyInSamplesAndInEvents() {
        // async-profiler merged into the JDK's recording (jfrsync): two threads, ids 1-2 in parks, 101-102 in samples.
        SiteTable table = new SiteTable();
        Charge charge = table.charge(new Attribution(SITE, "", false));
        for (long t = 1; t <= 2; t++) {
            charge.park(t, 1_000_000);
            charge.cpuSample(100 + t, 1);
        }
        table.endRecording();
        assertThat(table.tally(SITE).threads()).isEqualTo(2);
    }

    @Test
    void threadsOfDifferentJvmsAddUpButOversubscriptionIsPerJvm() {
        SiteTable table = new SiteTable();
        recording(table, 0, 8);
        table.addAgentSite(agent(8));
        table.endJvm();
        recording(table, 1, 3);
        table.endJvm();
        SiteTally t = table.tally(SITE);
        assertThat(t.threads()).isEqualTo(11);
        assertThat(t.threadsInOneJvm()).isEqualTo(8);
    }

    @Test
    void theAgentsExactCountWinsOverARecordingThatMissedAThread() {
        SiteTable table = new SiteTable();
        recording(table, 0, 1);
        table.addAgentSite(agent(4));
        assertThat(table.tally(SITE).threads()).isEqualTo(4);
    }
}
