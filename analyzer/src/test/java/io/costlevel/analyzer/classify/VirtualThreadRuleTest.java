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

    /** S14 on platform threads: every op parks for ~5 us, a context switch. */
    private static AgentSiteBuilder lockHandoff() {
        return site("condition").ops(100_000).threads(2).parks(100_000, 100_000L * 5_000).nsPerOp(5_000);
    }

    @Test
    void platformThreadsParkingForMicrosecondsSwitch() {
        table.addAgentSite(lockHandoff().build(), SECONDS);
        assertThat(classify().tier()).isEqualTo(Tiers.L4_CONTEXT_SWITCH);
    }

    @Test
    void theSameParksOnVirtualThreadsUnmountAndAreLevel3() {
        table.addAgentSite(lockHandoff().allVirtual(2).build(), SECONDS);
        Verdict v = classify();
        assertThat(v.tier()).isEqualTo(Tiers.L3_SYSCALL);
        assertThat(v.mechanism()).isEqualTo(Mechanism.VIRTUAL_UNMOUNT);
        assertThat(v.reason()).contains("100000 of 100000 blocks here were virtual threads'");
    }

    @Test
    void virtualParksThatReturnAtOnceAreLevel2() {
        table.addAgentSite(site("park").ops(100_000).threads(2).parks(100_000, 100_000L * 150).nsPerOp(200)
                .allVirtual(2).build(), SECONDS);
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
        table.addAgentSite(site("sleep").ops(700).threads(8).build(), SECONDS);
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
        table.addAgentSite(lockHandoff().allVirtual(2).build(), SECONDS);
        table.charge(new Attribution(HOT, "", false)).pinned(1, 0, 1_700_000, "Freeze or preempt failed (2)", null);
        assertThat(classify().tier()).isEqualTo(Tiers.L3_SYSCALL);
        CarrierPinning p = CarrierPinning.of(facts());
        assertThat(p.events()).isEqualTo(1);
        assertThat(p.starvesCarriers()).isFalse();
    }
}
