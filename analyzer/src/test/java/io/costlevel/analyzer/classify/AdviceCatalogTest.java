package io.costlevel.analyzer.classify;

import io.costlevel.analyzer.attribution.SiteTable;
import io.costlevel.analyzer.report.Advice;
import org.junit.jupiter.api.Test;

import static io.costlevel.analyzer.classify.AgentSiteBuilder.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The advice follows the mechanism and what the thread blocked in, and its saving is (now - projected) x ops/s. */
class AdviceCatalogTest {
    private static final String LOCKS = "java.util.concurrent.locks.";
    private static final String PARK = " -> java.util.concurrent.locks.LockSupport.park -> jdk.internal.misc.Unsafe.park";

    @Test
    void theOutermostJdkCallSaysWhatABlockedThreadWaitedFor() {
        assertThat(BlockingCall.of("java.util.concurrent.ArrayBlockingQueue.put -> " + LOCKS
                + "ReentrantLock.lockInterruptibly" + PARK)).isEqualTo(BlockingCall.QUEUE_HANDOFF);
        assertThat(BlockingCall.of("java.util.concurrent.SynchronousQueue.take" + PARK)).isEqualTo(BlockingCall.QUEUE_HANDOFF);
        // AbstractQueuedSynchronizer sits under every j.u.c lock and condition: it is no queue handoff.
        assertThat(BlockingCall.of(LOCKS + "AbstractQueuedSynchronizer$ConditionObject.awaitUninterruptibly"
                + " -> java.util.concurrent.ForkJoinPool.managedBlock" + PARK)).isEqualTo(BlockingCall.CONDITION);
        assertThat(BlockingCall.of(LOCKS + "Condition.awaitUninterruptibly")).isEqualTo(BlockingCall.CONDITION);
        assertThat(BlockingCall.of("java.lang.Object.wait")).isEqualTo(BlockingCall.CONDITION);
        assertThat(BlockingCall.of(LOCKS + "ReentrantLock.lock -> " + LOCKS + "AbstractQueuedSynchronizer.acquire" + PARK))
                .isEqualTo(BlockingCall.LOCK);
        assertThat(BlockingCall.of("java.util.concurrent.CountDownLatch.await -> " + LOCKS
                + "AbstractQueuedSynchronizer.acquireSharedInterruptibly" + PARK)).isEqualTo(BlockingCall.COMPLETION);
        assertThat(BlockingCall.of("java.util.concurrent.TimeUnit.timedJoin -> java.lang.Thread.join -> java.lang.Object.wait"))
                .isEqualTo(BlockingCall.COMPLETION);
        assertThat(BlockingCall.of("java.util.concurrent.FutureTask.get -> java.util.concurrent.FutureTask.awaitDone" + PARK))
                .isEqualTo(BlockingCall.COMPLETION);
        assertThat(BlockingCall.of("java.lang.Thread.sleep")).isEqualTo(BlockingCall.SLEEP);
        assertThat(BlockingCall.of("")).isEqualTo(BlockingCall.LOCK);
        assertThat(BlockingCall.of("java.util.concurrent.SynchronousQueue.put; " + LOCKS + "ReentrantLock.lock"))
                .as("the first chain decides").isEqualTo(BlockingCall.QUEUE_HANDOFF);
    }

    @Test
    void aFailingCasLoopIsToldToStripeAndTheSavingIsTheCostAboveTheTargetTimesTheRate() {
        AgentSiteBuilder cas = site("atomic").ops(1_000_000).threads(2).cas(1_300_000, 300_000).nsPerOp(40);
        Advice advice = adviceFor(cas, "java.util.concurrent.atomic.AtomicLong.compareAndSet");
        assertThat(advice.targetTier()).isEqualTo(Tiers.L1_UNCONTENDED_ATOMIC);
        assertThat(advice.summary()).contains("LongAdder");
        assertThat(advice.projectedNsPerOp()).isEqualTo(Tiers.typicalNs(Tiers.L1_UNCONTENDED_ATOMIC));
        // 1,000,000 ops in the 1 s run, 40 ns each now, 6 ns at the target tier.
        assertThat(advice.projectedSavingNsPerSecond()).isCloseTo((40 - 6) * 1e6, within(1e3));
    }

    /**
     * A logger's call in a service's handler: 12 us per call, 10 of them formatting on a core (CPU samples), around a
     * monitor uncontended most of the time (L1). Confining it to a thread saves the monitor and its blocks, not the
     * formatting: the projection keeps the plain work, and the saving is the rest times the rate.
     */
    @Test
    void thePlainWorkOfALongCallIsKeptInTheProjection() {
        double plain = AdviceCatalog.plainWork(Tiers.L1_UNCONTENDED_ATOMIC, 10_000, true);
        assertThat(plain).isEqualTo(10_000 - Tiers.ceilingNs(Tiers.L1_UNCONTENDED_ATOMIC));
        assertThat(AdviceCatalog.plainWork(Tiers.L1_UNCONTENDED_ATOMIC, 10_000, false))
                .as("running time from the agent's timing holds preemptions: not plain work").isZero();
        assertThat(AdviceCatalog.plainWork(Tiers.L3_SYSCALL, 10_000, true)).as("a kernel entry is the mechanism's").isZero();
        assertThat(AdviceCatalog.plainWork(Tiers.L1_UNCONTENDED_ATOMIC, 15, true)).isZero();

        Verdict l1 = new Verdict(Tiers.L1_UNCONTENDED_ATOMIC, Mechanism.UNCONTENDED_SYNC, Verdict.MEDIUM, "");
        Advice advice = AdviceCatalog.adviseOn(l1, new AdviceCatalog.Costs(12_000.0, 13_300.0, 1e9, plain), "");
        assertThat(advice.projectedNsPerOp()).isEqualTo(plain + Tiers.typicalNs(advice.targetTier()), within(0.01));
        assertThat(advice.projectedSavingNsPerSecond())
                .isCloseTo((12_000 - plain - Tiers.typicalNs(advice.targetTier())) * 13_300, within(1.0));
        Advice whole = AdviceCatalog.adviseOn(l1, new AdviceCatalog.Costs(12_000.0, 13_300.0, 1e9), "");
        assertThat(whole.projectedSavingNsPerSecond()).as("without it, the formatting counted as saved")
                .isGreaterThan(100e6);
    }

    @Test
    void aSiteAlreadyCheaperThanItsTargetTierProjectsNoSaving() {
        // One thread's atomic measured at 0.5 ns (the clock's cost taken off): under L0's typical 1 ns already.
        Advice advice = adviceFor(site("atomic").ops(1_000_000).threads(1).nsPerOp(0.5),
                "java.util.concurrent.atomic.AtomicLong.incrementAndGet");
        assertThat(advice.targetTier()).isEqualTo(Tiers.L0_VANILLA);
        assertThat(advice.projectedNsPerOp()).isEqualTo(0.5, within(0.01));
        assertThat(advice.projectedSavingNsPerSecond()).isZero();
    }

    @Test
    void aConditionWaitIsNotToldToBatchQueueItems() {
        Advice advice = adviceFor(site("condition").ops(10_000).threads(2).parks(10_000, 300_000_000L).nsPerOp(30_000),
                LOCKS + "Condition.awaitUninterruptibly");
        assertThat(advice.summary()).contains("signal").doesNotContain("batch items");
        assertThat(advice.targetTier()).isEqualTo(Tiers.L2_TRUE_SHARING);
        assertThat(advice.projectedSavingNsPerSecond()).isPositive();
    }

    /**
     * A round trip (a task handed over and waited for per op; a long wait is idle and gets no advice at all): the
     * wait holds the task's own work, unknown, so no saving is projected.
     */
    @Test
    void waitingForATaskPerOpProjectsNoSaving() {
        Advice advice = adviceFor(site("call").ops(100_000).threads(2).parks(90_000, 1_800_000_000L).nsPerOp(20_000),
                "java.util.concurrent.FutureTask.get -> java.util.concurrent.FutureTask.awaitDone");
        assertThat(advice.summary()).contains("caller's thread");
        assertThat(advice.projectedNsPerOp()).isNull();
        assertThat(advice.projectedSavingNsPerSecond()).isNull();
    }

    private static Advice adviceFor(AgentSiteBuilder counters, String primitives) {
        SiteTable table = new SiteTable();
        table.addAgentSite(counters.build());
        SiteFacts facts = new SiteFacts(table.all().get(0), new RunContext(2, true, 1.0));
        Verdict verdict = new Classifier().classify(facts).orElseThrow();
        return AdviceCatalog.adviseOn(verdict, facts, primitives);
    }
}
