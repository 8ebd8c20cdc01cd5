package io.costlevel.analyzer.classify;

import io.costlevel.analyzer.attribution.Attribution;
import io.costlevel.analyzer.attribution.Charge;
import io.costlevel.analyzer.attribution.SiteKey;
import io.costlevel.analyzer.attribution.SiteTable;
import org.junit.jupiter.api.Test;

import static io.costlevel.analyzer.classify.AgentSiteBuilder.site;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Virtual threads' blocks: the same counters tier two levels apart by the thread's kind, and pinned blocks tier
 * as the carrier's context switch, with the pinning frame and, when they fill the carriers, starvation.
 * Figures of the order S13-S15 measure on JDK 25 (docs/tiers.md#virtual-threads).
 */
class VirtualThreadRuleTest {
    private static final int CORES = 2;
    private static final SiteKey HOT = new SiteKey("com.acme.Hot", "run", 42);
    private static final double SECONDS = 1.0;
    private final Classifier classifier = new Classifier();
    private final SiteTable table = new SiteTable();

    private SiteFacts facts() {
        return new SiteFacts(table.tally(HOT), new RunContext(CORES, true, SECONDS));
    }

    private Verdict classify() {
        return classifier.classify(facts()).orElseThrow();
    }

    private Assessment assess() {
        return classifier.assess(facts()).orElseThrow();
    }

    /** S14 on platform threads: every op parks for ~5 us, a context switch. */
    private static AgentSiteBuilder lockHandoff() {
        return site("condition").ops(100_000).threads(2).parks(100_000, 100_000L * 5_000).nsPerOp(5_000);
    }

    @Test
    void platformThreadsParkingForMicrosecondsSwitch() {
        table.addAgentSite(lockHandoff().build());
        assertThat(classify().tier()).isEqualTo(Tiers.L4_CONTEXT_SWITCH);
    }

    /**
     * S13's put on virtual threads in a run where the take side was running: 7.45 M calls at 163 ns, 3,712 of them
     * unmounted for 51 us each, 320 CPU samples of 2 ms at the async-profiler interval and 4 in the unmount path.
     */
    private void queuePutMostlyWithoutUnmount(long samples) {
        long ops = 7_452_101;
        table.addAgentSite(site("call").primitive("java.util.concurrent.SynchronousQueue.put").ops(ops).threads(2)
                .parks(3_712, 188_725_888L).nsPerOp(71).allVirtual(1).build());
        Charge charge = table.charge(new Attribution(HOT, "", false));
        for (int i = 0; i < samples; i++) {
            charge.cpuSample(i % 2, 1);
        }
        table.cpuTime(HOT, samples, 2e6, true);
    }

    @Test
    void aVirtualHandoffThatRarelyUnmountsIsLevel2ByItsCost() {
        queuePutMostlyWithoutUnmount(320);
        Assessment a = assess();
        assertThat(a.tier()).as("(640 ms CPU + 189 ms unmounted) / 7.45 M calls = 111 ns: a handoff, not an "
                + "uncontended call").isEqualTo(Tiers.L2_TRUE_SHARING);
        assertThat(a.time().runningTier()).isEqualTo(Tiers.L2_TRUE_SHARING);
        assertThat(a.reasons()).anyMatch(r -> r.contains("mostly without unmounting"));
    }

    @Test
    void aCheapCallOnVirtualThreadsStaysUncontended() {
        queuePutMostlyWithoutUnmount(40);
        assertThat(assess().time().runningTier()).as("(80 ms + 189 ms) / 7.45 M = 36 ns")
                .isEqualTo(Tiers.L1_UNCONTENDED_ATOMIC);
    }

    @Test
    void theSameParksOnVirtualThreadsUnmountAndAreLevel3() {
        table.addAgentSite(lockHandoff().allVirtual(2).build());
        Verdict v = classify();
        assertThat(v.tier()).isEqualTo(Tiers.L3_SYSCALL);
        assertThat(v.mechanism()).isEqualTo(Mechanism.VIRTUAL_UNMOUNT);
        assertThat(v.reason()).contains("100000 of 100000 blocks here were virtual threads'");
    }

    @Test
    void virtualParksThatReturnAtOnceAreLevel2() {
        table.addAgentSite(site("park").ops(100_000).threads(2).parks(100_000, 100_000L * 150).nsPerOp(200)
                .allVirtual(2).build());
        Verdict v = classify();
        assertThat(v.tier()).isEqualTo(Tiers.L2_TRUE_SHARING);
        assertThat(v.mechanism()).isEqualTo(Mechanism.VIRTUAL_UNMOUNT);
    }

    @Test
    void recordedSamplesInTheUnmountPathMakeAHandoffSiteWithoutTheAgent() {
        Charge charge = table.charge(new Attribution(HOT, "java.util.concurrent.SynchronousQueue.put", false));
        charge.cpuSample(1, 10);
        charge.virtualHandoffSample(4);
        Verdict v = classifier.classify(new SiteFacts(table.tally(HOT), new RunContext(CORES, false, SECONDS))).orElseThrow();
        assertThat(v.tier()).isEqualTo(Tiers.L3_SYSCALL);
        assertThat(v.confidence()).isEqualTo(Verdict.MEDIUM);
    }

    @Test
    void pinnedBlocksFillingTheCarriersAreLevel4WithTheFrameAndStarvation() {
        table.addAgentSite(site("sleep").ops(700).threads(8).build());
        Charge charge = table.charge(new Attribution(HOT, "java.lang.Thread.sleep", false));
        // 700 pinned sleeps of 2 ms over 0.9 s on 2 carriers: 1.4 s of 1.8 s of carrier time, 78%.
        for (int i = 0; i < 700; i++) {
            charge.pinned(i % 8, i * 1_285_714L, 2_000_000, "VM call to com.acme.Config.<clinit> on stack",
                    "com.acme.Config.<clinit>:12");
        }
        Verdict v = classify();
        assertThat(v.tier()).isEqualTo(Tiers.L4_CONTEXT_SWITCH);
        assertThat(v.mechanism()).isEqualTo(Mechanism.PINNED_CARRIER);
        assertThat(v.reason()).contains("pinned by com.acme.Config.<clinit>:12").contains("carrier starvation");
        CarrierPinning p = CarrierPinning.of(facts());
        assertThat(p.carrierShare()).isBetween(0.7, 0.85);
        assertThat(p.starvesCarriers()).isTrue();
        // Back to back 2 ms pins 1.29 ms apart: mostly 2 at once, and in a 10 ms slice ~1.55 carriers, under 0.9 x 2.
        assertThat(p.allCarriersPinnedNanos()).isZero();
    }

    @Test
    void slicesWhereEveryCarrierWasPinnedAreMeasuredFromTheEvents() {
        Charge charge = table.charge(new Attribution(HOT, "", false));
        // Two carriers pinned back to back for 50 ms, then one of them for 50 ms more.
        for (int i = 0; i < 50; i++) {
            charge.pinned(1, i * 1_000_000L, 1_000_000, null, null);
            charge.pinned(2, i * 1_000_000L, 1_000_000, null, null);
            charge.pinned(1, 50_000_000L + i * 1_000_000L, 1_000_000, null, null);
        }
        CarrierPinning p = CarrierPinning.of(facts());
        assertThat(p.allCarriersPinnedNanos()).isEqualTo(50_000_000L);
        assertThat(p.carrierShare()).isCloseTo(0.75, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void aRarePinAmongUnmountingBlocksIsFlaggedButDoesNotDecideTheTier() {
        table.addAgentSite(lockHandoff().allVirtual(2).build());
        table.charge(new Attribution(HOT, "", false)).pinned(1, 0, 1_700_000, "Freeze or preempt failed (2)", null);
        assertThat(classify().tier()).isEqualTo(Tiers.L3_SYSCALL);
        CarrierPinning p = CarrierPinning.of(facts());
        assertThat(p.events()).isEqualTo(1);
        assertThat(p.starvesCarriers()).isFalse();
    }

    // The time model (issue 12) with virtual threads: each block's time goes to the tier its mechanism costs.

    @Test
    void aVirtualThreadsUnmountingParkIsChargedToItsMeasuredTierNotL4() {
        table.addAgentSite(lockHandoff().allVirtual(2).build());
        Assessment a = assess();
        assertThat(a.tier()).isEqualTo(Tiers.L3_SYSCALL);
        assertThat(a.verdict().mechanism()).isEqualTo(Mechanism.VIRTUAL_UNMOUNT);
        assertThat(a.time().unmountedNanos()).isEqualTo(100_000 * 5_000.0);
        assertThat(a.time().nanosIn(Tiers.L4_CONTEXT_SWITCH)).isZero();
        assertThat(a.time().contentionNanos()).isZero();
    }

    @Test
    void theSameParksOnPlatformThreadsAreL4Time() {
        table.addAgentSite(lockHandoff().build());
        Assessment a = assess();
        assertThat(a.tier()).isEqualTo(Tiers.L4_CONTEXT_SWITCH);
        assertThat(a.time().contentionNanos()).isEqualTo(100_000 * 5_000.0);
        assertThat(a.time().unmountedNanos()).isZero();
    }

    @Test
    void aPinnedSleepIsTheCarriersL4TimeNotIdle() {
        // 700 virtual sleeps of 2 ms, all pinned: a sleep is idle for the thread, but its carrier was held.
        table.addAgentSite(site("sleep").primitive("java.lang.Thread.sleep").ops(700).threads(8)
                .parks(700, 700L * 2_000_000).nsPerOp(2_000_000).allVirtual(8).build());
        Charge charge = table.charge(new Attribution(HOT, "java.lang.Thread.sleep", false));
        for (int i = 0; i < 700; i++) {
            charge.pinned(i % 8, i * 1_285_714L, 2_000_000, null, "com.acme.Config.<clinit>:12");
        }
        Assessment a = assess();
        assertThat(a.time().idle()).isFalse();
        assertThat(a.tier()).isEqualTo(Tiers.L4_CONTEXT_SWITCH);
        assertThat(a.verdict().mechanism()).isEqualTo(Mechanism.PINNED_CARRIER);
        assertThat(a.time().pinnedNanos()).isEqualTo(1.4e9);
        assertThat(a.time().idleNanos()).isZero();
        assertThat(a.reasons().get(0)).startsWith("L4").contains("pinning").contains("carrier starvation");
    }

    @Test
    void anUnpinnedVirtualSleepIsIdleAtTheTierOfItsUnmount() {
        table.addAgentSite(site("sleep").primitive("java.lang.Thread.sleep").ops(700).threads(8)
                .parks(700, 700L * 1_000_000).nsPerOp(1_000_000).allVirtual(8).build());
        Assessment a = assess();
        assertThat(a.time().idle()).isTrue();
        assertThat(a.tier()).isEqualTo(Tiers.L3_SYSCALL);
        assertThat(a.verdict().mechanism()).isEqualTo(Mechanism.VIRTUAL_UNMOUNT);
        assertThat(a.time().tieredNanos()).isLessThan(a.time().idleNanos());
    }

    @Test
    void aRarePinAmongUnmountsGetsItsOwnReasonLine() {
        table.addAgentSite(lockHandoff().allVirtual(2).build());
        table.charge(new Attribution(HOT, "", false)).pinned(1, 0, 1_700_000, "Freeze or preempt failed (2)", null);
        Assessment a = assess();
        assertThat(a.tier()).isEqualTo(Tiers.L3_SYSCALL);
        assertThat(a.time().pinnedNanos()).isEqualTo(1_700_000.0);
        // The pinned block was one of the counted virtual blocks: moved to the carrier's L4, not counted twice.
        assertThat(a.time().unmountedNanos() + a.time().pinnedNanos()).isEqualTo(100_000 * 5_000.0);
        assertThat(a.reasons()).anySatisfy(r -> assertThat(r).startsWith("L4").contains("pinning"));
    }

    @Test
    void recordedVirtualBlocksAndPinsWithoutTheAgentAreCountedOnce() {
        Charge charge = table.charge(new Attribution(HOT, "java.util.concurrent.locks.ReentrantLock.lock", true));
        for (int i = 0; i < 10; i++) {
            charge.virtualBlock(i, 2_000_000);
        }
        charge.pinned(1, 0, 2_000_000, null, null);
        Assessment a = classifier.assess(new SiteFacts(table.tally(HOT), new RunContext(CORES, false, SECONDS))).orElseThrow();
        assertThat(a.time().unmountedNanos()).isEqualTo(18_000_000.0);
        assertThat(a.time().pinnedNanos()).isEqualTo(2_000_000.0);
        assertThat(a.tier()).isEqualTo(Tiers.L3_SYSCALL);
    }
}
