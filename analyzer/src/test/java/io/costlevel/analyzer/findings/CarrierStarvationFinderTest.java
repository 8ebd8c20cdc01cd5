package io.costlevel.analyzer.findings;

import io.costlevel.analyzer.attribution.Attribution;
import io.costlevel.analyzer.attribution.Charge;
import io.costlevel.analyzer.attribution.SiteKey;
import io.costlevel.analyzer.attribution.SiteTable;
import io.costlevel.analyzer.input.SchedulerLoad;
import io.costlevel.analyzer.report.CarrierStarvation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The carrier-starvation finding from the scheduler's figures, with the figures S17 gave under the agent on JDK 25
 * (2 cores): 8 spinners on 2 carriers, then on 8 (VirtualThreadSamplesIT runs the sample itself).
 */
class CarrierStarvationFinderTest {
    private static final SiteKey SPIN = new SiteKey("com.acme.Work", "spin", 33);
    private static final SiteKey INIT = new SiteKey("com.acme.Config", "<clinit>", 12);
    private static final long MILLI = 1_000_000L;
    private final SiteTable table = new SiteTable();

    /** S17 on 2 carriers: 5.96 s of mount waits in 2.14 s, every carrier busy with threads queued 72% of it. */
    private static SchedulerLoad twoCarriers() {
        return new SchedulerLoad(2, 2, 178, 2_144 * MILLI, 5_958 * MILLI, 1_543 * MILLI, 226 * MILLI, 7);
    }

    @Test
    void aQueueThatStaysWhileEveryCarrierIsBusyIsStarvationAndNamesTheLinesThatHeldThem() {
        Charge spin = table.charge(new Attribution(SPIN, "", false));
        spin.cpuSample(1, 300);
        spin.virtualCpuSample(300);
        table.cpuTime(SPIN, 300, 10 * MILLI, false);
        CarrierStarvation c = CarrierStarvationFinder.find(twoCarriers(), table.all());
        assertThat(c.starved()).isTrue();
        assertThat(c.parallelism()).isEqualTo(2);
        assertThat(c.mountWaitSeconds()).isEqualTo(5.958);
        // 5.958 / (2 x 2.144)
        assertThat(c.waitingPerCarrier()).isEqualTo(1.389);
        assertThat(c.saturatedShare()).isEqualTo(0.7197);
        assertThat(c.longestSaturatedMillis()).isEqualTo(226);
        assertThat(c.heldBy()).singleElement().satisfies(h -> {
            assertThat(h.how()).isEqualTo("cpu");
            assertThat(h.carrierSeconds()).isEqualTo(3.0);
            assertThat(h.share()).isEqualTo(0.6996); // 3 / (2 x 2.144)
            assertThat(h.detail()).isEqualTo("100% of the CPU samples of virtual threads");
        });
        assertThat(c.summary()).startsWith("Carrier starvation").contains("5.96 s in all to mount")
                .contains("Held by Work.spin:33 (cpu, 3.00 s)");
    }

    @Test
    void pinnedBlocksAreNamedWithTheFrameThatPinnedThem() {
        Charge init = table.charge(new Attribution(INIT, "java.lang.Thread.sleep", false));
        for (int i = 0; i < 100; i++) {
            init.pinned(i % 8, i * MILLI, 10 * MILLI, null, "com.acme.Config.<clinit>:12");
        }
        CarrierStarvation c = CarrierStarvationFinder.find(twoCarriers(), table.all());
        assertThat(c.heldBy()).singleElement().satisfies(h -> {
            assertThat(h.how()).isEqualTo("pinned");
            assertThat(h.carrierSeconds()).isEqualTo(1.0);
            assertThat(h.detail()).isEqualTo("100 pinned blocks, pinned by com.acme.Config.<clinit>:12");
        });
    }

    /** S17 on 8 carriers: the OS shares 2 cores among them, threads queue a little, briefly. */
    @Test
    void enoughCarriersQueueBrieflyAndAreNotStarvation() {
        SchedulerLoad eight = new SchedulerLoad(8, 8, 159, 2_099 * MILLI, 1_419 * MILLI, 391 * MILLI, 58 * MILLI, 7);
        CarrierStarvation c = CarrierStarvationFinder.find(eight, table.all());
        assertThat(c.starved()).isFalse();
        assertThat(c.waitingPerCarrier()).isEqualTo(0.0845);
        assertThat(c.summary()).startsWith("No carrier starvation");
    }

    @Test
    void noFindingWithoutSchedulerDataOrWithoutAnyThreadQueued() {
        assertThat(CarrierStarvationFinder.find(null, table.all())).isNull();
        assertThat(CarrierStarvationFinder.find(new SchedulerLoad(2, 2, 100, 1_000 * MILLI, 0, 0, 0, 0), table.all()))
                .isNull();
    }
}
