package io.costlevel.analyzer.attribution;

import io.costlevel.analyzer.classify.Classifier;
import io.costlevel.analyzer.classify.RunContext;
import io.costlevel.analyzer.classify.SiteFacts;
import io.costlevel.analyzer.classify.Tiers;
import io.costlevel.analyzer.classify.Verdict;
import io.costlevel.analyzer.input.AgentCaller;
import io.costlevel.analyzer.input.AgentRun;
import io.costlevel.analyzer.input.AgentSite;
import io.costlevel.analyzer.input.VirtualShare;
import org.junit.jupiter.api.Test;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Library sites charged to the application lines that called them (issue 11, item 1). */
class AgentChargesTest {
    private static final ApplicationCode ACME = ApplicationCode.fromPrefixes("com.acme.");
    private static final SiteKey PRICE = new SiteKey("com.acme.OrderService", "price", 88);
    private static final SiteKey AUDIT = new SiteKey("com.acme.Audit", "record", 12);

    /** A library site: 4000 ops, 1000 of 4000 CAS failed, half the sampled checks handoffs, 60 ns per op. */
    private static AgentSite libraryCas(String method, int line, long ops) {
        return new AgentSite("org.lib.Histogram", method, line, "atomic",
                "java.util.concurrent.atomic.AtomicLongFieldUpdater.compareAndSet", ops, 2, ops, ops / 4, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 0, 0, ops / 64, ops / 128, ops / 64, 60 * (ops / 64), VirtualShare.NONE,
                AgentSite.NOT_COUNTED, AgentSite.NOT_COUNTED);
    }

    private static AgentRun run(List<AgentSite> sites, Map<AgentSite, List<AgentCaller>> callers) {
        return new AgentRun("vm", "17", 2, 1.0, "com.acme.", "", true, sites, 0, List.of(), callers);
    }

    private static SiteTally tallyOf(SiteTable table, SiteKey key) {
        return table.all().stream().filter(t -> t.site().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void aLibrarySiteIsSharedOutAmongItsCallersWithTheChain() {
        AgentSite site = libraryCas("record", 201, 4000);
        Map<AgentSite, List<AgentCaller>> callers = new IdentityHashMap<>();
        callers.put(site, List.of(new AgentCaller("com.acme.OrderService", "price", 88, "org.lib.Histogram.recordValue", 3),
                new AgentCaller("com.acme.Audit", "record", 12, "org.lib.Histogram.recordValue", 1)));
        SiteTable table = new SiteTable();
        AgentCharges.charge(run(List.of(site), callers), ACME, table);

        assertThat(table.all()).extracting(SiteTally::site).containsExactlyInAnyOrder(PRICE, AUDIT);
        SiteTally price = tallyOf(table, PRICE);
        assertThat(price.agent().ops()).isEqualTo(3000);
        assertThat(tallyOf(table, AUDIT).agent().ops()).isEqualTo(1000);
        assertThat(price.chain()).containsExactly("com.acme.OrderService.price:88", "org.lib.Histogram.recordValue",
                "org.lib.Histogram.record:201",
                "java.util.concurrent.atomic.AtomicLongFieldUpdater.compareAndSet: 25% CAS failed, 50% handoffs");
        Verdict verdict = new Classifier().classify(new SiteFacts(price, new RunContext(2, true, 1.0))).orElseThrow();
        assertThat(verdict.tier()).as("the line gets the tier of what it reaches").isEqualTo(Tiers.L2_TRUE_SHARING);
    }

    @Test
    void onePassThroughSeveralLibrarySitesIsOneCall() {
        AgentSite enter = libraryCas("enter", 10, 4000);
        AgentSite exit = libraryCas("exit", 20, 4000);
        AgentSite rare = libraryCas("grow", 30, 640);
        Map<AgentSite, List<AgentCaller>> callers = new IdentityHashMap<>();
        for (AgentSite s : List.of(enter, exit, rare)) {
            callers.put(s, List.of(new AgentCaller("com.acme.OrderService", "price", 88, "org.lib.Histogram.recordValue", 5)));
        }
        SiteTable table = new SiteTable();
        AgentCharges.charge(run(List.of(enter, exit, rare), callers), ACME, table);

        AgentSite line = tallyOf(table, PRICE).agent();
        assertThat(line.ops()).as("the busiest part's ops: one per call").isEqualTo(4000);
        assertThat(line.casAttempts()).isEqualTo(8640);
        double nsPerOp = (double) line.latencyNanos() / line.latencySamples();
        assertThat(nsPerOp).as("the parts' time per call: 60 + 60 + 60 x 640/4000").isCloseTo(129.6, org.assertj.core.data.Offset.offset(1.0));
        SiteTally tally = tallyOf(table, PRICE);
        assertThat(tally.libraryOps()).as("all of the line's ops were counted inside the library").isEqualTo(4000);
        assertThat(tally.libraryOpsSite()).isIn("org.lib.Histogram.enter:10", "org.lib.Histogram.exit:20");
        var assessed = new Classifier().assess(new SiteFacts(tally, new RunContext(2, true, 1.0))).orElseThrow();
        assertThat(assessed.reasons()).as("the report says whose ops they are").anyMatch(r -> r.startsWith(
                "ops: its ops are the operations counted at org.lib.Histogram.") && r.contains("per library operation"));
    }

    /**
     * A cache read that CASes its own stripe of a read buffer on every call (uncontended, 20 ns) and, one call in a
     * hundred, tries a lock the other thread holds 60 % of the time (300 ns): each site keeps its own ratio, and the
     * line's running time is shared by the time each took (64,000 x 20 ns against 640 x 300 ns: 87 % and 13 %).
     */
    @Test
    void eachLibrarySiteIsJudgedOnItsOwnCountersAndSharesTheRunningTime() {
        AgentSite cas = new AgentSite("org.lib.ReadBuffer", "offer", 40, "atomic",
                "java.lang.invoke.VarHandle.weakCompareAndSet", 64_000, 2, 64_000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 1000, 0, 1000, 20 * 1000, VirtualShare.NONE, AgentSite.NOT_COUNTED, AgentSite.NOT_COUNTED);
        AgentSite tryLock = new AgentSite("org.lib.Cache", "scheduleDrain", 90, "lock",
                "java.util.concurrent.locks.ReentrantLock.tryLock", 640, 2, 0, 0, 384, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 640, 320, 640, 300 * 640, VirtualShare.NONE, AgentSite.NOT_COUNTED, AgentSite.NOT_COUNTED);
        Map<AgentSite, List<AgentCaller>> callers = new IdentityHashMap<>();
        for (AgentSite s : List.of(cas, tryLock)) {
            callers.put(s, List.of(new AgentCaller("com.acme.OrderService", "price", 88, "org.lib.Cache.get", 5)));
        }
        SiteTable table = new SiteTable();
        AgentCharges.charge(run(List.of(cas, tryLock), callers), ACME, table);
        SiteTally tally = tallyOf(table, PRICE);
        assertThat(tally.libraryParts()).hasSize(2);

        var assessed = new Classifier().assess(new SiteFacts(tally, new RunContext(2, true, 1.0))).orElseThrow();
        assertThat(assessed.tier()).as("most of the time is the uncontended CAS").isEqualTo(Tiers.L1_UNCONTENDED_ATOMIC);
        assertThat(assessed.time().share(Tiers.L1_UNCONTENDED_ATOMIC)).isCloseTo(0.87, org.assertj.core.data.Offset.offset(0.01));
        assertThat(assessed.time().share(Tiers.L2_TRUE_SHARING)).isCloseTo(0.13, org.assertj.core.data.Offset.offset(0.01));
        assertThat(assessed.reasons()).as("the try-lock's failures over its own attempts, not over the CASes")
                .anyMatch(r -> r.startsWith("L2 true sharing (13 % of the time): at org.lib.Cache.scheduleDrain:90")
                        && r.contains("60.0% of acquisitions"));
        assertThat(assessed.reasons()).as("the dot above L1's band is the L2 share's doing")
                .anyMatch(r -> r.startsWith("ns/op 23.0 ns lies in L2 true sharing's range") && r.contains("13 %"));
    }

    @Test
    void aLineWithoutLibraryCallsSaysNothingOfLibraryOps() {
        AgentSite own = new AgentSite("com.acme.OrderService", "price", 88, "atomic",
                "java.util.concurrent.atomic.AtomicLong.incrementAndGet", 4000, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 62, 62 * 6, VirtualShare.NONE, AgentSite.NOT_COUNTED, AgentSite.NOT_COUNTED);
        SiteTable table = new SiteTable();
        AgentCharges.charge(run(List.of(own), new IdentityHashMap<>()), ACME, table);
        SiteTally tally = tallyOf(table, PRICE);
        assertThat(tally.libraryOps()).isZero();
        var assessed = new Classifier().assess(new SiteFacts(tally, new RunContext(2, true, 1.0))).orElseThrow();
        assertThat(assessed.reasons()).noneMatch(r -> r.startsWith("ops: "));
    }

    /**
     * An uncontended atomic whose op costs 40 ns on a core, never blocked (a Micrometer Timer.record counted at its
     * LongAdder): just above L1's band because of the code that runs with it, not of a preemption.
     */
    @Test
    void aDotJustAboveItsBandWithoutBlockingIsThePlainWorkWithIt() {
        AgentSite own = new AgentSite("com.acme.OrderService", "price", 88, "atomic",
                "java.util.concurrent.atomic.LongAdder.add", 40_000, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 400, 0, 620, 620 * 40, VirtualShare.NONE, 400, 0);
        SiteTable table = new SiteTable();
        AgentCharges.charge(run(List.of(own), new IdentityHashMap<>()), ACME, table);
        var assessed = new Classifier().assess(new SiteFacts(tallyOf(table, PRICE), new RunContext(2, true, 1.0)))
                .orElseThrow();
        assertThat(assessed.tier()).isEqualTo(Tiers.L1_UNCONTENDED_ATOMIC);
        assertThat(assessed.reasons()).anyMatch(r -> r.startsWith("ns/op 40.0 ns lies in L2 true sharing's range, not "
                + "L1 uncontended atomic's: the op's time is on a core and includes the plain code"));
    }

    /**
     * A site in the JDK's synchronized set wrapper reached from the application and from the JDK's HTTP server's own
     * dispatcher thread: shared by the walks between the application line and the server's line, never left at the
     * wrapper's line, which says nothing of whose set it is.
     */
    @Test
    void aJdkWrappersSiteGoesToItsCallersTheJdksToo() {
        AgentSite remove = new AgentSite("java.util.Collections$SynchronizedCollection", "remove", 2107, "monitor",
                "monitorenter", 4000, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 100, 40, 62, 62 * 200,
                VirtualShare.NONE, AgentSite.NOT_COUNTED, AgentSite.NOT_COUNTED);
        SiteKey server = new SiteKey("sun.net.httpserver.ServerImpl$Dispatcher", "handle", 420);
        Map<AgentSite, List<AgentCaller>> callers = new IdentityHashMap<>();
        callers.put(remove, List.of(new AgentCaller("com.acme.OrderService", "price", 88,
                        "java.util.Collections$SynchronizedCollection.remove", 3),
                new AgentCaller(server.className(), server.methodName(), server.line(),
                        "java.util.Collections$SynchronizedCollection.remove", 1)));
        SiteTable table = new SiteTable();
        AgentCharges.charge(run(List.of(remove), callers), ACME, table);
        assertThat(table.all()).extracting(SiteTally::site).containsExactlyInAnyOrder(PRICE, server);
        assertThat(tallyOf(table, server).chain()).first().isEqualTo(server.toString());
    }

    @Test
    void aLibrarySiteNoWalkLedToStaysAtItsLine() {
        AgentSite site = libraryCas("record", 201, 4000);
        SiteTable table = new SiteTable();
        AgentCharges.charge(run(List.of(site), new IdentityHashMap<>()), ACME, table);
        assertThat(table.all()).extracting(SiteTally::site).containsExactly(new SiteKey("org.lib.Histogram", "record", 201));
        assertThat(table.all().get(0).chain()).isNull();
    }

    @Test
    void aJdkCallAtTheApplicationLineHasItsChain() {
        AgentSite draw = new AgentSite("com.acme.OrderService", "price", 88, "call", "java.util.Random.nextInt",
                6400, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 100, 60, 100, 4700, VirtualShare.NONE,
                AgentSite.NOT_COUNTED, AgentSite.NOT_COUNTED);
        SiteTable table = new SiteTable();
        AgentCharges.charge(run(List.of(draw), new IdentityHashMap<>()), ACME, table);
        assertThat(tallyOf(table, PRICE).chain())
                .containsExactly("com.acme.OrderService.price:88", "java.util.Random.nextInt: 60% handoffs");
    }
}
