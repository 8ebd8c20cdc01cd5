package io.costlevel.agent.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.costlevel.agent.MiniJson;
import io.costlevel.agent.bootstrap.Callers;
import io.costlevel.agent.bootstrap.Evidence;
import io.costlevel.agent.calibrate.ProbeCost;
import io.costlevel.agent.instrument.Site;
import io.costlevel.agent.instrument.SiteTable;
import io.costlevel.agent.vthread.CarrierLoad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SitesJsonTest {
    private static final RunInfo RUN = new RunInfo("VM \"quoted\"", "17", "vendor", 42, 2, 1000,
            "app --path C:\\dir\n\t\u0001", "0.1", Map.of("include", "com.acme."), 64, 18, 10_000_000);

    @Test
    void writesEveryFieldOfTheFormatAsValidJson() {
        Site site = new Site("com.acme.Cache", "put", "(Ljava/lang/Object;)V", 42,
                "java.util.concurrent.atomic.AtomicLong.incrementAndGet", "atomic");
        long[] counters = new long[3 * Evidence.WIDTH];
        for (int column = 0; column < Evidence.WIDTH; column++) {
            counters[2 * Evidence.WIDTH + column] = 100 + column;
        }
        Snapshot snapshot = new Snapshot(7, 2000, 1000, true, 3, 1, 2, 31_000, List.of(Site.OVERFLOW, unused(), site), counters);

        Map<String, Object> json = MiniJson.object(SitesJson.render(RUN, snapshot));

        assertThat(json).containsEntry("format", "costlevel-agent").containsEntry("version", 1L);
        assertThat(section(json, "jvm")).containsEntry("name", "VM \"quoted\"")
                .containsEntry("command", "app --path C:\\dir\n\t\u0001").containsEntry("pid", 42L);
        assertThat(section(json, "agent")).containsEntry("samplingPeriod", 64L).containsEntry("clockCostNanos", 18L)
                .containsEntry("cpuSamplePeriodNanos", 10_000_000L)
                .containsEntry("droppedSites", 3L).containsEntry("errors", 1L)
                .containsEntry("stalls", 2L).containsEntry("longestStallMillis", 31_000L)
                .containsEntry("options", Map.of("include", "com.acme."))
                .containsEntry("sampledFields", List.of("handoffChecks", "handoffs", "latencySamples",
                        "latencyNanos", "contendedSamples", "contendedNanos", "sameLineChecks", "sharedLineChecks", "lineHandoffs",
                        "preemptedTimings"));
        assertThat(section(json, "snapshot")).containsEntry("sequence", 7L).containsEntry("final", true);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sites = (List<Map<String, Object>>) json.get("sites");
        assertThat(sites).as("sites without any count are left out").hasSize(1);
        Map<String, Object> written = sites.get(0);
        assertThat(written).containsEntry("id", 2L).containsEntry("className", "com.acme.Cache")
                .containsEntry("line", 42L).containsEntry("kind", "atomic");
        for (int column = 0; column < Evidence.WIDTH; column++) {
            assertThat(written).containsEntry(Evidence.name(column), 100L + column);
        }
    }

    /** Issue 12: the probes' measured cost is written when there is one, and the measurement's own sites never are. */
    /** Two sites whose last sampled ops worked on one queue say so (the analyzer's pools); a site without one, nothing. */
    @Test
    void writesTheObjectEachSitesLastSampledOpWorkedOn() {
        Site take = new Site("com.acme.Buffers", "op", "()J", 20, "java.util.concurrent.ArrayBlockingQueue.take", "call");
        Site give = new Site("com.acme.Buffers", "op", "()J", 24, "java.util.concurrent.ArrayBlockingQueue.offer", "call");
        long[] counters = new long[3 * Evidence.WIDTH];
        counters[Evidence.WIDTH] = 10;
        counters[2 * Evidence.WIDTH] = 10;
        Snapshot snapshot = new Snapshot(1, 0, 0, true, 0, 0, 0, 0, List.of(Site.OVERFLOW, take, give), counters,
                List.of(), null, new int[] {0, 0x5eed, 0x5eed});
        List<?> sites = (List<?>) MiniJson.object(SitesJson.render(RUN, snapshot)).get("sites");
        assertThat(sites).hasSize(2);
        for (Object site : sites) {
            assertThat(((Map<?, ?>) site).get("lastObject")).isEqualTo(0x5eedL);
        }

        Snapshot none = new Snapshot(1, 0, 0, true, 0, 0, 0, 0, List.of(Site.OVERFLOW, take, give), counters);
        for (Object site : (List<?>) MiniJson.object(SitesJson.render(RUN, none)).get("sites")) {
            assertThat(((Map<?, ?>) site).get("lastObject")).isNull();
        }
    }

    @Test
    void writesTheProbesCostAndLeavesTheAgentsOwnSitesOut() {
        SiteTable table = new SiteTable(8);
        int id = table.agentSite("atomic");
        long[] counters = new long[(id + 1) * Evidence.WIDTH];
        counters[id * Evidence.WIDTH] = 5;
        Snapshot snapshot = new Snapshot(1, 0, 0, true, 0, 0, 0, 0, table.snapshot(), counters);

        Map<String, Object> json = MiniJson.object(SitesJson.render(RUN, snapshot, List.of(),
                new ProbeCost.Figures(1.25, 2.5, 3.0, 4.0)));
        assertThat(section(json, "agent")).containsEntry("probeNanos",
                Map.of("atomic", 1.25, "monitor", 2.5, "call", 3.0, "lock", 4.0));
        assertThat((List<?>) json.get("sites")).as("the agent's own site, counted, is not written").isEmpty();
        assertThat(section(MiniJson.object(SitesJson.render(RUN, snapshot)), "agent")).doesNotContainKey("probeNanos");
    }

    /** Issue 13: the classes an attach left out, so readers do not take their silence for evidence. */
    @Test
    void listsTheClassesLeftOutWithWhyAndTheirRunningMethods() {
        Snapshot snapshot = new Snapshot(1, 0, 0, true, 0, 0, 0, 0, List.of(Site.OVERFLOW), new long[0]);
        List<NotInstrumented> leftOut = List.of(new NotInstrumented("com.acme.Loop", NotInstrumented.ON_STACK, List.of("run", "main")));

        Map<String, Object> agent = section(MiniJson.object(SitesJson.render(RUN, snapshot, leftOut)), "agent");

        assertThat(agent).containsEntry("notInstrumented",
                List.of(Map.of("className", "com.acme.Loop", "reason", "onStack", "methods", List.of("run", "main"))));
        assertThat(section(MiniJson.object(SitesJson.render(RUN, snapshot)), "agent"))
                .containsEntry("notInstrumented", List.of());
    }

    @Test
    void aLibrarySiteListsItsApplicationCallersMostWalksFirst() {
        Site site = new Site("org.lib.Histogram", "record", "()V", 201,
                "java.util.concurrent.atomic.AtomicLongFieldUpdater.getAndIncrement", "atomic");
        long[] counters = new long[2 * Evidence.WIDTH];
        counters[Evidence.WIDTH + Evidence.OPS] = 4000;
        List<Callers.Caller> callers = List.of(
                new Callers.Caller(1, "com.acme.Audit", "record", 12, "org.lib.Histogram.recordValue", 1),
                new Callers.Caller(1, "com.acme.Shop", "price", 88, "org.lib.Histogram.recordValue", 3));
        Snapshot snapshot = new Snapshot(1, 0, 0, true, 0, 0, 0, 0, List.of(Site.OVERFLOW, site), counters, callers);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sites = (List<Map<String, Object>>) MiniJson.object(SitesJson.render(RUN, snapshot))
                .get("sites");
        assertThat(sites.get(0).get("callers")).isEqualTo(List.of(
                Map.of("className", "com.acme.Shop", "methodName", "price", "line", 88L,
                        "via", "org.lib.Histogram.recordValue", "walks", 3L),
                Map.of("className", "com.acme.Audit", "methodName", "record", "line", 12L,
                        "via", "org.lib.Histogram.recordValue", "walks", 1L)));
    }

    @Test
    void countersShorterThanTheSiteListMeanTheLastSitesNeverRan() {
        Snapshot snapshot = new Snapshot(1, 0, 0, false, 0, 0, 0, 0, List.of(Site.OVERFLOW, unused()), new long[0]);

        Map<String, Object> json = MiniJson.object(SitesJson.render(RUN, snapshot));
        assertThat(json).containsEntry("sites", List.of());
        assertThat(json).as("no scheduler block without virtual threads (JDK 17)").doesNotContainKey("virtualThreadScheduler");
    }

    @Test
    void theVirtualThreadSchedulersCarrierLoadIsWrittenWhenSampled() {
        CarrierLoad load = new CarrierLoad(2, 3, 178, 2_144_000_000L, 5_958_000_000L, 1_543_000_000L, 226_000_000L, 7);
        Snapshot snapshot = new Snapshot(1, 0, 0, false, 0, 0, 0, 0, List.of(Site.OVERFLOW), new long[0], List.of(), load);

        assertThat(section(MiniJson.object(SitesJson.render(RUN, snapshot)), "virtualThreadScheduler"))
                .containsEntry("parallelism", 2L).containsEntry("peakCarriers", 3L).containsEntry("samples", 178L)
                .containsEntry("sampledNanos", 2_144_000_000L).containsEntry("mountWaitNanos", 5_958_000_000L)
                .containsEntry("saturatedNanos", 1_543_000_000L).containsEntry("longestSaturatedNanos", 226_000_000L)
                .containsEntry("peakWaiting", 7L);
    }

    @Test
    void atomicWriteReplacesTheFileWholeAndLeavesNoTempFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("sub").resolve("costlevel-sites.json");
        AtomicFiles.write(target, "first");
        AtomicFiles.write(target, "second");

        assertThat(Files.readString(target)).isEqualTo("second");
        try (var files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }

    private static Site unused() {
        return new Site("com.acme.Other", "run", "()V", 1, "monitorenter", "monitor");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> json, String name) {
        return (Map<String, Object>) json.get(name);
    }
}
