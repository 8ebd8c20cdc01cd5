package io.costlevel.analyzer.report;

import io.costlevel.analyzer.attribution.Attribution;
import io.costlevel.analyzer.attribution.Charge;
import io.costlevel.analyzer.attribution.SiteKey;
import io.costlevel.analyzer.attribution.SiteTable;
import io.costlevel.analyzer.classify.RunContext;
import io.costlevel.analyzer.input.AgentSite;
import io.costlevel.analyzer.input.VirtualShare;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Issue 12, item 6: the numbers of a report add up, whatever the evidence. Each seed generates a run (cores,
 * wall time, sites with agent counters, recorded blocking through contention, idle and I/O chains, virtual threads'
 * blocks unmounted and pinned, CPU samples)
 * and the built report must keep every invariant docs/report.md states: shares of sites and of tiers sum to 1
 * of the ranked sites' tiered time, idle sites take no share, each site's timeByTier sums to 1 and its tier holds
 * the largest part, threads are the distinct threads generated, ops per second are ops over the wall time,
 * ns/op times ops is the site's time, and no projected saving exceeds the site's thread time per second; with the
 * threads' time known, the bound on the run's sites (ThreadTimeBound) never adds time and leaves a run that fits as is.
 * Fixed seeds: a failure names its seed and replays.
 */
class ReportInvariantsTest {
    private static final String[] CHAINS = {
            "", "java.util.concurrent.locks.ReentrantLock.lock -> java.util.concurrent.locks.LockSupport.park",
            "java.util.concurrent.ArrayBlockingQueue.take -> java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject.await",
            "java.lang.Thread.join -> java.lang.Object.wait",
            "java.net.http.HttpClient.send -> java.util.concurrent.CompletableFuture.get"};
    private static final String[] KINDS = {"atomic", "lock", "monitor", "condition", "park", "spin", "yield"};

    static LongStream seeds() {
        return LongStream.range(1, 301);
    }

    private record Generated(SiteTable table, RunContext run, Map<SiteKey, Integer> threads, Map<SiteKey, Long> ops) {
    }

    private static Generated generate(long seed) {
        Random r = new Random(seed);
        int cores = 1 + r.nextInt(8);
        double wall = 0.5 + 10 * r.nextDouble();
        SiteTable table = new SiteTable();
        Map<SiteKey, Integer> threads = new HashMap<>();
        Map<SiteKey, Long> ops = new HashMap<>();
        int sites = 1 + r.nextInt(15);
        boolean agent = r.nextInt(4) != 0;
        for (int i = 0; i < sites; i++) {
            SiteKey key = new SiteKey("com.acme.C" + r.nextInt(4), "m" + r.nextInt(3), 10 + i);
            int n = 1 + r.nextInt(16);
            threads.put(key, n);
            if (agent && r.nextBoolean()) {
                long o = r.nextInt(5) == 0 ? r.nextInt(50) : (long) (r.nextDouble() * 5e7);
                ops.put(key, o);
                long timed = o / 64;
                double latency = Math.pow(10, r.nextDouble() * 7);
                long parks = r.nextInt(3) == 0 ? (long) (o * r.nextDouble()) : 0;
                long parkedNanos = (long) (parks * 1e4 * r.nextDouble());
                long spins = r.nextInt(6) == 0 ? o : 0;
                // Some of the parks by virtual threads (JDK 21+): a part of the ops, the blocks and their time.
                double virtualPart = r.nextInt(3) == 0 ? r.nextDouble() : 0;
                VirtualShare virtual = virtualPart == 0 ? VirtualShare.NONE : new VirtualShare(n, (long) (o * virtualPart),
                        (long) (parks * virtualPart), (long) (parkedNanos * virtualPart));
                table.addAgentSite(new AgentSite(key.className(), key.methodName(), key.line(),
                        KINDS[r.nextInt(KINDS.length)], r.nextBoolean() ? null : "java.lang.Thread.join",
                        o, n, o, (long) (o * r.nextDouble() * 0.1), (long) (o * r.nextDouble() * 0.1), 0,
                        parks, parkedNanos, 0, 0, r.nextInt(3) == 0 ? o : 0, 0, 0,
                        spins, spins == 0 ? 0 : 1 + spins / 1000, 0, timed, (long) (timed * r.nextDouble()),
                        timed, (long) (timed * latency), virtual, AgentSite.NOT_COUNTED, AgentSite.NOT_COUNTED));
            }
            if (r.nextBoolean()) {
                Charge charge = table.charge(new Attribution(key, CHAINS[r.nextInt(CHAINS.length)], true));
                int events = r.nextInt(200);
                int kind = r.nextInt(3);
                for (int e = 0; e < events; e++) {
                    long nanos = (long) (r.nextDouble() * 50e6);
                    if (kind == 0) {
                        charge.park(r.nextInt(n), nanos);
                    } else {
                        // A virtual thread's block, pinned to its carrier now and then (the same block, twice seen).
                        charge.virtualBlock(r.nextInt(n), nanos);
                        if (kind == 2 && r.nextInt(3) == 0) {
                            charge.pinned(r.nextInt(n), (long) (r.nextDouble() * wall * 1e9), nanos, null, null);
                        }
                    }
                }
            }
            if (r.nextBoolean() || !ops.containsKey(key)) {
                Charge charge = table.charge(new Attribution(key, "", false));
                long samples = 3 + r.nextInt(500);
                for (int t = 0; t < n; t++) {
                    charge.cpuSample(t, samples);
                }
                table.cpuTime(key, samples * n, 20e6, false);
            }
        }
        table.endJvm();
        return new Generated(table, new RunContext(cores, agent, wall), threads, ops);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theNumbersAddUp(long seed) {
        Generated g = generate(seed);
        double wall = g.run().durationSeconds();
        RunInfo info = new RunInfo("jvm", "17", g.run().cores(), wall, List.of("in"), List.of("agent"), "test", "now",
                wall, 1, "one JVM");
        Report unbounded = new ReportBuilder().build(g.table().all(), g.run(), info, new ArrayList<>());
        // Half the seeds also know the threads' time, from a third of the sites' sum to more than it: the timed
        // running time gives way (ThreadTimeBound), and every invariant below holds of the bounded report too.
        double unboundedTotal = totalNanos(unbounded);
        double threadNanos = seed % 2 == 0 ? 0 : unboundedTotal * (0.3 + new Random(-seed).nextDouble());
        // And half of those each thread's time as well (the generator's thread keys are 0..15, shared by the sites):
        // the sites of a group of threads then give way to fit those threads' time too.
        Map<Long, Double> spans = new HashMap<>();
        if (seed % 4 == 3) {
            Random spanRandom = new Random(seed * 31);
            for (long key = 0; key < 16; key++) {
                spans.put(key, wall * 1e9 * (0.05 + spanRandom.nextDouble()));
            }
        }
        Report report = threadNanos == 0 ? unbounded
                : new ReportBuilder().build(g.table().all(), g.run().withThreadTime(threadNanos,
                        new io.costlevel.analyzer.classify.ThreadTime(spans)), info, new ArrayList<>());
        String where = "seed " + seed;
        if (threadNanos >= unboundedTotal && spans.isEmpty()) {
            assertThat(totalNanos(report)).as("the sites fit the threads' time: " + where)
                    .isCloseTo(unboundedTotal, within(unboundedTotal * 1e-9 + 1));
        } else {
            assertThat(totalNanos(report)).as("the bound never adds time: " + where)
                    .isLessThanOrEqualTo(unboundedTotal * (1 + 1e-9) + 1);
        }

        List<Site> ranked = report.sites().stream().filter(s -> !s.idle()).toList();
        double siteShares = ranked.stream().mapToDouble(Site::shareOfTime).sum();
        double tierShares = report.tiers().stream().mapToDouble(TierSummary::shareOfTime).sum();
        if (siteShares > 0) {
            assertThat(siteShares).as(where).isCloseTo(1, within(0.002));
            assertThat(tierShares).as(where).isCloseTo(1, within(0.002));
        }
        assertThat(report.tiers().stream().mapToInt(TierSummary::sites).sum()).as(where).isEqualTo(ranked.size());
        boolean idleSeen = false;
        for (Site s : report.sites()) {
            String at = where + " " + s.className() + "." + s.methodName() + ":" + s.line() + " " + s.evidence();
            SiteKey key = new SiteKey(s.className(), s.methodName(), s.line());
            assertThat(s.threads()).as(at).isEqualTo(g.threads().get(key));
            if (s.idle()) {
                idleSeen = true;
                assertThat(s.shareOfTime()).as(at).isZero();
            } else {
                assertThat(idleSeen).as("idle sites come after every ranked one: " + at).isFalse();
            }
            if (!s.timeByTier().isEmpty()) {
                assertThat(s.timeByTier().values().stream().mapToDouble(Double::doubleValue).sum()).as(at)
                        .isCloseTo(1, within(1e-6));
                if (!s.idle()) {
                    double own = s.timeByTier().getOrDefault(Integer.toString(s.tier()), 0.0);
                    assertThat(own).as("the tier holds the largest part: " + at)
                            .isEqualTo(s.timeByTier().values().stream().mapToDouble(Double::doubleValue).max().orElseThrow());
                }
            }
            double running = number(s.evidence(), "runningNanos");
            double contention = number(s.evidence(), "contentionNanos") + number(s.evidence(), "unmountedNanos")
                    + number(s.evidence(), "pinnedCarrierNanos");
            double total = running + contention + number(s.evidence(), "idleNanos") + number(s.evidence(), "ioWaitNanos");
            assertThat(total).as("no site has more thread time than its threads had: " + at)
                    .isLessThanOrEqualTo(s.threads() * wall * 1e9 * 1.0001 + 1);
            double ops = s.evidence().containsKey("methodOps") ? number(s.evidence(), "methodOps") : number(s.evidence(), "ops");
            if (s.opsPerSecond() != null && number(s.evidence(), "spins") == 0) {
                assertThat(s.opsPerSecond()).as(at).isCloseTo(ops / wall, within(ops / wall * 1e-3));
            }
            if (s.nsPerOp() != null && s.opsPerSecond() != null) {
                double unitOps = s.opsPerSecond() * wall;
                assertThat(s.nsPerOp() * unitOps).as("ns/op x ops is the site's time: " + at)
                        .isCloseTo(total, within(total * 2e-3 + 1));
            } else {
                assertThat(s.nsPerOpNote()).as("a site without ns/op says why: " + at).isNotBlank();
            }
            if (s.advice() != null && s.advice().projectedSavingNsPerSecond() != null) {
                assertThat(s.advice().projectedSavingNsPerSecond()).as("a saving is at most the site's cost: " + at)
                        .isLessThanOrEqualTo((running + contention) / wall * 1.001 + 1)
                        .isGreaterThanOrEqualTo(0);
            }
        }
    }

    /** Every site's running, blocked, idle and I/O wait time. */
    private static double totalNanos(Report report) {
        double total = 0;
        for (Site s : report.sites()) {
            for (String part : List.of("runningNanos", "contentionNanos", "unmountedNanos", "pinnedCarrierNanos",
                    "idleNanos", "ioWaitNanos")) {
                total += number(s.evidence(), part);
            }
        }
        return total;
    }

    private static double number(Map<String, Object> evidence, String name) {
        Object v = evidence.get(name);
        return v == null ? 0 : ((Number) v).doubleValue();
    }
}
