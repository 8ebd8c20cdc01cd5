package io.costlevel.analyzer.classify;

import io.costlevel.analyzer.attribution.Attribution;
import io.costlevel.analyzer.attribution.SiteKey;
import io.costlevel.analyzer.attribution.SiteTable;
import io.costlevel.analyzer.attribution.SiteTally;
import io.costlevel.analyzer.attribution.Uncharged;
import io.costlevel.analyzer.classify.rules.SyscallRule;
import io.costlevel.analyzer.input.AgentSite;
import org.junit.jupiter.api.Test;

import static io.costlevel.analyzer.classify.AgentSiteBuilder.site;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules on agent counters shaped like the seed's counters (figures of the order the agent
 * reports for them), and on the boundaries the rules draw.
 */
class ClassifierTest {
    private static final int CORES = 2;
    private final Classifier classifier = new Classifier();

    private Verdict classify(AgentSiteBuilder counters) {
        return classifier.classify(facts(counters)).orElseThrow();
    }

    private static SiteFacts facts(AgentSiteBuilder counters) {
        SiteTable table = new SiteTable();
        table.addAgentSite(counters.build());
        SiteTally tally = table.all().get(0);
        return new SiteFacts(tally, new RunContext(CORES, true, 1.0));
    }

    /**
     * Caffeine's maintenance scheduling at 2 threads on 2 cores, as the agent counted it: 75,403 calls of
     * Executor.execute, 1,180 timed at 13.4 us each, 10 % handoffs on the pool, no block: a wake-up, not sharing.
     */
    @Test
    void aJdkCallCostingMicrosecondsWithoutBlockingIsASystemCall() {
        Verdict v = classify(site("call").primitive("java.util.concurrent.Executor.execute").ops(75_403).threads(3)
                .handoffs(1_180, 123).nsPerOp(13_357));
        assertThat(v.tier()).isEqualTo(Tiers.L3_SYSCALL);
        assertThat(v.mechanism()).isEqualTo(Mechanism.WAKEUP_IN_CALL);
        assertThat(v.confidence()).isEqualTo(Verdict.MEDIUM);
        assertThat(v.reason()).contains("java.util.concurrent.Executor.execute costing 13357 ns per op");
    }

    @Test
    void aJdkCallAtAnAtomicsCostIsNotASystemCall() {
        Verdict v = classify(site("call").primitive("java.util.Random.nextInt").ops(1_000_000).threads(2)
                .handoffs(15_000, 9_000).nsPerOp(47));
        assertThat(v.tier()).isEqualTo(Tiers.L2_TRUE_SHARING);
    }

    @Test
    void oneThreadAtomicIsUncontended() {
        Verdict v = classify(site("atomic").ops(10_000_000).threads(1).handoffs(150_000, 0).nsPerOp(6));
        assertThat(v.tier()).isEqualTo(Tiers.L1_UNCONTENDED_ATOMIC);
        assertThat(v.mechanism()).isEqualTo(Mechanism.UNCONTENDED_SYNC);
    }

    @Test
    void sharedAtomicWithHandoffsIsTrueSharing() {
        Verdict v = classify(site("atomic").ops(10_000_000).threads(2).handoffs(150_000, 70_000).nsPerOp(25));
        assertThat(v.tier()).isEqualTo(Tiers.L2_TRUE_SHARING);
        assertThat(v.mechanism()).isEqualTo(Mechanism.HANDOFFS);
    }

    @Test
    void handoffsOnAStripedObjectWithAtomicCostStayUncontended() {
        // Handoffs, but the op costs what an uncontended atomic costs: the line did not really move.
        Verdict v = classify(site("atomic").ops(10_000_000).threads(2).handoffs(150_000, 70_000).nsPerOp(5));
        assertThat(v.tier()).isEqualTo(Tiers.L1_UNCONTENDED_ATOMIC);
        // ...but it moved: the reason does not call it unshared, and the tier is not certain.
        assertThat(v.reason()).startsWith("synchronization whose line moves between threads at an uncontended op's cost")
                .contains("47% handoffs");
        assertThat(v.confidence()).isEqualTo(Verdict.MEDIUM);
        Verdict alone = classify(site("atomic").ops(10_000_000).threads(2).handoffs(150_000, 300).nsPerOp(5));
        assertThat(alone.reason()).startsWith("synchronization without sharing");
        assertThat(alone.confidence()).isEqualTo(Verdict.HIGH);
    }

    /**
     * Two threads asking one ConcurrentHashMap for a key that is there, through computeIfAbsent (2026-12-06: 5 ns a
     * call at two threads natively, as at one): every sampled call met a line the other thread touched, but a call that
     * finds its key only reads the bin. And a line of one thread whose line another site's thread touches now and then
     * says how often, rather than "without sharing" alone.
     */
    @Test
    void aMapCallThatFindsItsKeyIsNotSaidToMoveItsLine() {
        Verdict read = classify(site("call").primitive("java.util.concurrent.ConcurrentHashMap.computeIfAbsent")
                .ops(100_000_000).threads(2).handoffs(1_500_000, 1_000_000).sameLines(1_499_999).nsPerOp(5.8));
        assertThat(read.tier()).isEqualTo(Tiers.L1_UNCONTENDED_ATOMIC);
        assertThat(read.reason()).startsWith("a map call on a line every thread touches at an uncontended op's cost: one "
                + "that finds its key present only reads the bin");
        Verdict rarely = classify(site("atomic").ops(10_000_000).threads(1).handoffs(150_000, 0).lineHandoffs(1_500)
                .nsPerOp(6));
        assertThat(rarely.reason()).startsWith("synchronization without sharing: 1 thread(s)")
                .contains("(1.0% of its samples found the line touched by another thread, at any site");
    }

    @Test
    void handoffsAtAnUncontendedCostAreACloseCallOfMediumConfidence() {
        // MixedServiceIT's AtomicLong, two of 8 threads on 2 cores: the line moved on part of the ops only.
        Verdict v = classify(site("atomic").ops(10_000_000).threads(2).handoffs(150_000, 31_500).nsPerOp(10.4));
        assertThat(v.tier()).isEqualTo(Tiers.L2_TRUE_SHARING);
        assertThat(v.confidence()).isEqualTo(Verdict.MEDIUM);
        Verdict inRange = classify(site("atomic").ops(10_000_000).threads(2).handoffs(150_000, 90_000).nsPerOp(24));
        assertThat(inRange.confidence()).isEqualTo(Verdict.HIGH);
    }

    /**
     * Two threads offering to and polling one LinkedBlockingQueue on two cores, in the mode where each parks a quarter of
     * the time (the agent's counts of one site, 2026-12-05): 8 % handoffs on a line both threads work on, 160 ns per
     * call of which 103 blocked. The running part, 57 ns, is a moving line's cost, not an uncontended lock's.
     */
    @Test
    void fewHandoffsOnALineEveryThreadWorksOnAreTrueSharingWhenTheRunningPartCostsIt() {
        AgentSiteBuilder queue = site("call").primitive("java.util.concurrent.LinkedBlockingQueue.offer")
                .ops(17_363_136).threads(2).parks(64_128, 1_788_000_000L).handoffs(271_608, 21_030).nsPerOp(160);
        Verdict v = classify(queue.sharedLines(271_586));
        assertThat(v.tier()).isEqualTo(Tiers.L2_TRUE_SHARING);
        assertThat(v.confidence()).isEqualTo(Verdict.MEDIUM);
        assertThat(v.reason()).contains("8% of sampled ops", "every thread works on (100% of the checks)",
                "running part costs 57 ns per op", "take turns");
        // Without knowing the line is shared, or where the running part costs what an uncontended call does: L1.
        assertThat(classify(queue.sharedLines(AgentSite.NOT_COUNTED)).tier()).isEqualTo(Tiers.L1_UNCONTENDED_ATOMIC);
        assertThat(classify(queue.sharedLines(271_586).nsPerOp(115)).tier()).isEqualTo(Tiers.L1_UNCONTENDED_ATOMIC);
        // A sharded counter meets its last line rarely: 0.25 % handoffs stay L1 whatever the line's sharing.
        assertThat(classify(site("atomic").ops(10_000_000).threads(2).handoffs(150_000, 375).sharedLines(150_000)
                .nsPerOp(40)).tier()).isEqualTo(Tiers.L1_UNCONTENDED_ATOMIC);
    }

    /**
     * A shared map of 16 keys merged by 2 threads on 2 cores (2026-12-05: natively 52-184 ns per draw and merge, 24 at
     * one thread), on one line with each thread's own Random: the merge meets the line its previous sample touched
     * once in 16 (its handoffs are 3 % of its checks, the line's sum less), but then another thread had it in between
     * more than a third of the time. Per site, not from the line's sum, where the Random's same-line checks (its own
     * object, never a handoff) dilute it.
     */
    @Test
    void aSiteSpreadOverAFewSharedLinesIsTrueSharing() {
        AgentSiteBuilder ownRandom = site("call").primitive("java.util.Random.nextInt").ops(16_000_000).threads(2)
                .handoffs(250_000, 0).sameLines(125_000).sharedLines(0).nsPerOp(30);
        AgentSiteBuilder merge = site("call").primitive("java.util.concurrent.ConcurrentHashMap.merge").ops(16_000_000)
                .threads(2).handoffs(250_000, 7_700).sameLines(22_000).sharedLines(71_000).nsPerOp(85);
        Verdict v = classifyLine(ownRandom, merge);
        assertThat(v.tier()).isEqualTo(Tiers.L2_TRUE_SHARING);
        assertThat(v.confidence()).isEqualTo(Verdict.MEDIUM);
        assertThat(v.reason()).contains("java.util.concurrent.ConcurrentHashMap.merge spreads over a few lines",
                "9% of its sampled ops met the line", "35% of the time");
        // Many keys (lines rarely shared in the agent's table), a thread's own objects, a cheap op: not this.
        assertThat(classifyLine(ownRandom, merge.sharedLines(2_000)).tier()).isEqualTo(Tiers.L1_UNCONTENDED_ATOMIC);
        assertThat(classifyLine(ownRandom, merge.sharedLines(71_000).handoffs(250_000, 0)).tier())
                .isEqualTo(Tiers.L1_UNCONTENDED_ATOMIC);
        assertThat(classifyLine(ownRandom.nsPerOp(8), merge.handoffs(250_000, 7_700).nsPerOp(8)).tier())
                .isEqualTo(Tiers.L1_UNCONTENDED_ATOMIC);
        // Too few same-line checks for a ratio (4096 keys: one in 4096).
        assertThat(classifyLine(ownRandom.nsPerOp(30), merge.nsPerOp(85).sameLines(60).handoffs(250_000, 30)).tier())
                .isEqualTo(Tiers.L1_UNCONTENDED_ATOMIC);
    }

    /**
     * A line two sites share between threads that keep to one side each: a Guava cache read by two threads (2 cores,
     * 2026-12-06, natively 132 ns per read against 35 at one thread), whose readers add to the recency queue at one
     * site while the thread holding the segment's lock drains it at another: 17 handoffs in 190,000 checks at the add,
     * but its line touched by the other thread at the drain since the reader's previous sample on a third of them.
     */
    @Test
    void aLineSharedAcrossSitesIsTrueSharing() {
        AgentSiteBuilder add = site("call").primitive("java.util.Queue.add").ops(12_000_000).threads(2)
                .handoffs(190_000, 17).sameLines(189_999).sharedLines(189_995).lineHandoffs(63_000).nsPerOp(35);
        Verdict v = classifyLine(add);
        assertThat(v.tier()).isEqualTo(Tiers.L2_TRUE_SHARING);
        assertThat(v.confidence()).isEqualTo(Verdict.MEDIUM);
        assertThat(v.reason()).contains("33% of the sampled ops of java.util.Queue.add found that another thread had "
                + "touched their line, at any site, since their thread's previous sample", "(0% at this site alone)");
        // Rarely touched by another thread, a cheap op, or an agent that did not count it: not this.
        assertThat(classifyLine(add.lineHandoffs(1_000)).tier()).isEqualTo(Tiers.L1_UNCONTENDED_ATOMIC);
        assertThat(classifyLine(add.lineHandoffs(63_000).nsPerOp(8)).tier()).isEqualTo(Tiers.L1_UNCONTENDED_ATOMIC);
        assertThat(classifyLine(add.lineHandoffs(AgentSite.NOT_COUNTED).nsPerOp(35)).tier())
                .isEqualTo(Tiers.L1_UNCONTENDED_ATOMIC);
    }

    /**
     * A producer's line, run by one thread, whose queue a consumer's thread takes from at another line (2 cores,
     * 2026-12-06): no per-site check can see the line move, the checks across sites do. A high share of them at a
     * moving line's cost, or a few percent of many checks at what a moving line costs (the two take turns on the lock
     * in stretches); neither at an uncontended op's cost, and a line no other thread touches stays L1.
     */
    @Test
    void aLineOneThreadRunsIsTrueSharingWhereAnotherSitesThreadMovesItsLine() {
        AgentSiteBuilder offer = site("call").primitive("java.util.concurrent.BlockingQueue.offer").ops(18_000_000)
                .threads(1).handoffs(280_000, 0).sameLines(279_999).lineHandoffs(55_000).nsPerOp(71);
        Verdict shared = classifyLine(offer);
        assertThat(shared.tier()).isEqualTo(Tiers.L2_TRUE_SHARING);
        assertThat(shared.reason()).contains("20% of the sampled ops of java.util.concurrent.BlockingQueue.offer found "
                + "that another thread had touched their line, at any site");
        Verdict turns = classifyLine(offer.lineHandoffs(9_000).nsPerOp(53));
        assertThat(turns.tier()).isEqualTo(Tiers.L2_TRUE_SHARING);
        assertThat(turns.confidence()).isEqualTo(Verdict.MEDIUM);
        assertThat(turns.reason()).contains("3.2% of the sampled ops", "the threads take turns on it in stretches");
        assertThat(classifyLine(offer.nsPerOp(12)).tier()).as("an uncontended offer's cost").isEqualTo(Tiers.L1_UNCONTENDED_ATOMIC);
        assertThat(classifyLine(offer.lineHandoffs(0).nsPerOp(71)).tier()).isEqualTo(Tiers.L1_UNCONTENDED_ATOMIC);
    }

    /**
     * An atomic on shared state whose own timed cost is a moving line's, though its samples caught few handoffs: a Guava
     * cache segment's read count (2 threads on 2 cores, 2026-12-06: 99 ns per increment, 0.1 % handoffs, every check on
     * a line both threads touched). Not at an uncontended atomic's cost, on a thread's own state, or when its threads
     * outnumber the cores.
     */
    @Test
    void anAtomicThatCostsAMovingLineOnSharedStateIsTrueSharing() {
        AgentSiteBuilder count = site("atomic").primitive("java.util.concurrent.atomic.AtomicInteger.incrementAndGet")
                .ops(12_000_000).threads(2).handoffs(200_000, 145).sameLines(199_999).sharedLines(199_990).nsPerOp(99);
        Verdict v = classifyLine(count);
        assertThat(v.tier()).isEqualTo(Tiers.L2_TRUE_SHARING);
        assertThat(v.confidence()).isEqualTo(Verdict.MEDIUM);
        assertThat(v.reason()).contains("its atomic costs 99 ns per op (timed) on a line every thread works on");
        assertThat(classifyLine(count.nsPerOp(15)).tier()).isEqualTo(Tiers.L1_UNCONTENDED_ATOMIC);
        assertThat(classifyLine(count.nsPerOp(99).sharedLines(0)).tier()).isEqualTo(Tiers.L1_UNCONTENDED_ATOMIC);
        assertThat(classifyLine(count.sharedLines(199_990).threads(8)).tier()).as("8 threads on 2 cores")
                .isNotEqualTo(Tiers.L2_TRUE_SHARING);
    }

    private Verdict classifyLine(AgentSiteBuilder... sites) {
        SiteTable table = new SiteTable();
        for (AgentSiteBuilder s : sites) {
            table.addAgentSite(s.build());
        }
        return classifier.classify(new SiteFacts(table.all().get(0), new RunContext(CORES, true, 1.0))).orElseThrow();
    }

    /**
     * A line whose CPU samples mostly ran inside Thread.start (42 of 54: CompletableFuture.supplyAsync starting a thread
     * per task, 2026-12-05) starts threads: L3 at least, whatever else it counted, with the pool advice; a few such
     * samples among many are not its mechanism.
     */
    @Test
    void aLineWhoseSamplesRunInThreadStartStartsThreads() {
        SiteTable table = new SiteTable();
        SiteKey line = new SiteKey("com.acme.Hot", "run", 42);
        table.addAgentSite(site("call").primitive("java.util.concurrent.CompletableFuture.join").ops(11_392).threads(2)
                .nsPerOp(60_000).build());
        var starting = table.charge(new Attribution(line, "", false, null,
                Uncharged.NOT, true));
        var elsewhere = table.charge(new Attribution(line, "", false));
        starting.cpuSample(1, 42);
        elsewhere.cpuSample(1, 12);
        Verdict v = classifier.classify(new SiteFacts(table.all().get(0), new RunContext(CORES, true, 1.0))).orElseThrow();
        assertThat(v.tier()).isEqualTo(Tiers.L3_SYSCALL);
        assertThat(v.mechanism()).isEqualTo(Mechanism.THREAD_START);
        assertThat(v.reason()).startsWith("42 of 54 CPU samples ran inside java.lang.Thread.start");
        assertThat(AdviceCatalog.adviseOn(v, new AdviceCatalog.Costs(60_000.0, 4_900.0, 1e9), "").summary())
                .isEqualTo("a thread started per task -> hand tasks to a pool");

        SiteTable few = new SiteTable();
        few.addAgentSite(site("atomic").ops(1_000_000).threads(1).nsPerOp(6).build());
        few.charge(new Attribution(line, "", false, null,
                Uncharged.NOT, true)).cpuSample(1, 3);
        few.charge(new Attribution(line, "", false)).cpuSample(1, 30);
        assertThat(classifier.classify(new SiteFacts(few.all().get(0), new RunContext(CORES, true, 1.0))).orElseThrow()
                .mechanism()).isNotEqualTo(Mechanism.THREAD_START);
    }

    /**
     * A call's parks are inferred from its slow timed calls, an estimate that the site's time bounds: its reason says so
     * and gives no blocked time per op of its own (the L4 share of the site's ns/op is that), where a counted park's
     * reason does.
     */
    @Test
    void parksInferredFromTimedCallsAreSaidToBeAnEstimate() {
        Assessment inferred = classifier.assess(facts(site("call").primitive("java.util.concurrent.LinkedBlockingQueue.offer")
                .ops(10_000).threads(2).parks(1_000, 1_000_000_000L).nsPerOp(110_000))).orElseThrow();
        assertThat(inferred.tier()).isEqualTo(Tiers.L4_CONTEXT_SWITCH);
        assertThat(inferred.reasons().get(0)).startsWith("L4 context switch (91 % of the time): 1000 parks inferred from "
                + "the calls timed over 5.0 us, 1.0 ms each, 0.100 per op (an estimate").doesNotContain("ns blocked per op");
        Assessment counted = classifier.assess(facts(site("park").primitive("java.util.concurrent.locks.LockSupport.park")
                .ops(10_000).threads(2).parks(10_000, 1_000_000_000L).nsPerOp(110_000))).orElseThrow();
        assertThat(counted.reasons().get(0)).contains("10000 blocks (park, wait, sleep) counted", "100000 ns blocked per op");
    }

    @Test
    void trueSharingCostingMicrosecondsIsOnlyMediumConfidence() {
        // The blocking ticket lock's unlock lines at 8 threads: handoffs, and 20 us per op from wake-ups.
        Verdict v = classify(site("lock").ops(100_000).threads(8).handoffs(1_500, 700).nsPerOp(20_000));
        assertThat(v.tier()).isEqualTo(Tiers.L2_TRUE_SHARING);
        assertThat(v.confidence()).isEqualTo(Verdict.MEDIUM);
        assertThat(v.reason()).contains("above this tier's range");
        Verdict inRange = classify(site("lock").ops(100_000).threads(8).handoffs(1_500, 700).nsPerOp(150));
        assertThat(inRange.confidence()).isEqualTo(Verdict.HIGH);
    }

    @Test
    void failingCasIsTrueSharing() {
        Verdict v = classify(site("atomic").ops(1_000_000).threads(2).cas(1_300_000, 300_000).nsPerOp(40));
        assertThat(v.tier()).isEqualTo(Tiers.L2_TRUE_SHARING);
        assertThat(v.mechanism()).isEqualTo(Mechanism.CAS_FAILURES);
    }

    @Test
    void yieldWithACoreForEveryThreadIsASystemCall() {
        Verdict v = classify(site("yield").ops(100_000).threads(2).yields(100_000).nsPerOp(600));
        assertThat(v.tier()).isEqualTo(Tiers.L3_SYSCALL);
    }

    @Test
    void yieldWithMoreThreadsThanCoresSwitches() {
        Verdict v = classify(site("yield").ops(100_000).threads(8).yields(100_000).nsPerOp(20_000));
        assertThat(v.tier()).isEqualTo(Tiers.L4_CONTEXT_SWITCH);
        assertThat(v.mechanism()).isEqualTo(Mechanism.YIELD_SWITCH);
    }

    @Test
    void longParksAreContextSwitches() {
        Verdict v = classify(site("condition").ops(10_000).threads(2).parks(10_000, 10_000L * 20_000).nsPerOp(20_000));
        assertThat(v.tier()).isEqualTo(Tiers.L4_CONTEXT_SWITCH);
        assertThat(v.mechanism()).isEqualTo(Mechanism.BLOCKING);
    }

    @Test
    void rareParksUnderACheapLockDoNotMakeItL4() {
        // One park per thousand acquisitions: switching is not what this op costs.
        Verdict v = classify(site("lock").ops(1_000_000).threads(8).parks(1_000, 1_000L * 30_000)
                .contended(50_000, 50_000L * 200).nsPerOp(90));
        assertThat(v.tier()).isEqualTo(Tiers.L2_TRUE_SHARING);
    }

    @Test
    void parksThatReturnAtOnceAreSystemCallsNotSwitches() {
        Verdict v = classify(site("park").ops(100_000).threads(2).parks(100_000, 100_000L * 800).nsPerOp(900));
        assertThat(v.tier()).isEqualTo(Tiers.L3_SYSCALL);
    }

    /**
     * java.util.logging on JDK 25 (2026-12-05): every call parks once on the handler's lock, 5 us, and runs 11 us,
     * formatting its record: one kernel entry per call explains at most 4 us of that, so the running part is L3 by the
     * parks only with medium confidence, and says why. A park per op that returns at once explains its whole op.
     */
    @Test
    void kernelEntriesThatExplainLittleOfTheRunningPartAreOnlyMediumConfidence() {
        Verdict logging = new SyscallRule().judge(facts(site("call").primitive("java.util.logging.Logger.log")
                .ops(150_000).threads(2).parks(150_000, 150_000L * 5_000).nsPerOp(16_000))).orElseThrow();
        assertThat(logging.tier()).isEqualTo(Tiers.L3_SYSCALL);
        assertThat(logging.confidence()).isEqualTo(Verdict.MEDIUM);
        assertThat(logging.reason()).contains("its running part, 11000 ns per op, is more than twice what 1.00 kernel "
                + "entries per op cost (2000 ns)");
        Verdict handoff = new SyscallRule().judge(facts(site("park").ops(100_000).threads(2)
                .parks(100_000, 100_000L * 800).nsPerOp(900))).orElseThrow();
        assertThat(handoff.confidence()).isEqualTo(Verdict.HIGH);
        assertThat(handoff.reason()).doesNotContain("running part");
    }

    @Test
    void spinningWithMoreThreadsThanCoresForMillionsOfSpinsIsCatastrophe() {
        Verdict v = classify(site("spin").ops(20_000_000).threads(8).spins(20_000_000, 20).nsPerOp(40));
        assertThat(v.tier()).isEqualTo(Tiers.L5_CATASTROPHE);
        assertThat(v.mechanism()).isEqualTo(Mechanism.SPIN_WHILE_DESCHEDULED);
    }

    @Test
    void shortSpinsWithACoreForEveryThreadAreTrueSharing() {
        Verdict v = classify(site("spin").ops(1_000_000).threads(2).spins(1_000_000, 50_000).nsPerOp(30));
        assertThat(v.tier()).isEqualTo(Tiers.L2_TRUE_SHARING);
        assertThat(v.mechanism()).isEqualTo(Mechanism.SPIN_SHARED);
    }

    @Test
    void boundedSpinsWithMoreThreadsThanCoresAreNotCatastrophe() {
        // The cooperative lock spins at most 64 times before yielding.
        Verdict v = classify(site("spin").ops(640_000).threads(8).spins(640_000, 10_000).nsPerOp(40));
        assertThat(v.tier()).isLessThan(Tiers.L5_CATASTROPHE);
    }

    @Test
    void cpuSamplesAloneAreVanillaWithHighConfidenceOnlyWhenTheAgentRan() {
        SiteTable table = new SiteTable();
        SiteTally tally = table.tally(new SiteKey("com.acme.Hot", "loop", 7));
        table.cpuTime(tally.site(), 0, 0, false);
        table.charge(new Attribution(tally.site(), "", false)).cpuSample(1, 100);
        Verdict withAgent = classifier.classify(new SiteFacts(tally, new RunContext(CORES, true, 1))).orElseThrow();
        Verdict without = classifier.classify(new SiteFacts(tally, new RunContext(CORES, false, 1))).orElseThrow();
        assertThat(withAgent.tier()).isEqualTo(Tiers.L0_VANILLA);
        assertThat(withAgent.confidence()).isEqualTo(Verdict.HIGH);
        assertThat(without.tier()).isEqualTo(Tiers.L0_VANILLA);
        assertThat(without.confidence()).isEqualTo(Verdict.LOW);
    }

    /** Issue 13: where the agent did not instrument, its silence is no evidence of plain code. */
    @Test
    void cpuSamplesInAClassTheAgentLeftOutAreNeverHighConfidence() {
        SiteTable table = new SiteTable();
        SiteTally tally = table.tally(new SiteKey("com.acme.Loop", "run", 12));
        table.charge(new Attribution(tally.site(), "", false)).cpuSample(1, 100);
        Verdict v = classifier.classify(new SiteFacts(tally,
                new RunContext(CORES, true, 1, java.util.Set.of("com.acme.Loop")))).orElseThrow();
        assertThat(v.tier()).isEqualTo(Tiers.L0_VANILLA);
        assertThat(v.confidence()).isEqualTo(Verdict.LOW);
        assertThat(v.reason()).contains("left this class uninstrumented");
    }
}
