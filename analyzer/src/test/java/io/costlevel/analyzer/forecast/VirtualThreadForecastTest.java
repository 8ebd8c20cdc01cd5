package io.costlevel.analyzer.forecast;

import io.costlevel.analyzer.classify.CarrierPinning;
import org.junit.jupiter.api.Test;

import static io.costlevel.analyzer.forecast.TestSites.site;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forecast reads the thread kind the site's evidence shows (issue 15's virtual columns): a virtual thread's park
 * unmounts and stays an unmount at any thread count (L3, where a platform thread's park is L4), unless its blocks are
 * pinned, which hold the carrier like a platform thread (L4) and, with more threads per carrier, starve the others.
 * Figures in the shape of samples S14 (lock handoff, ~3 us per block on virtual threads) and S15 (pinned sleeps).
 */
class VirtualThreadForecastTest {
    private static final Target EIGHT_ON_TWO = new Target(8, 2);
    private static final Target TWO_ON_TWO = new Target(2, 2);

    private static SiteForecast at(TestSites site, Target target) {
        return Forecaster.forecastSite(site.today(2), target, null);
    }

    /** A lock handoff at 2 threads: 100,000 parks of 3 us, one per op; {@code virtual} of them by virtual threads. */
    private static TestSites handoff(int tier, long virtualParks) {
        return site("condition").tier(tier).threads(2).count("ops", 100_000).count("parks", 100_000)
                .count("parkedNanos", 300_000_000L).count("virtualThreads", virtualParks > 0 ? 2 : 0)
                .count("virtualOps", virtualParks).count("virtualBlocks", virtualParks)
                .count("virtualBlockedNanos", virtualParks * 3_000);
    }

    @Test
    void aPlatformThreadsParkStaysL4AndAVirtualThreadsStaysAnUnmount() {
        SiteForecast platform = at(handoff(4, 0), EIGHT_ON_TWO);
        SiteForecast virtual = at(handoff(3, 100_000), EIGHT_ON_TWO);

        assertThat(platform.forecastTier()).isEqualTo(4);
        assertThat(platform.mechanism()).isEqualTo("blocking");
        assertThat(virtual.forecastTier()).isEqualTo(3);
        assertThat(virtual.mechanism()).isEqualTo("virtual-unmount");
        assertThat(virtual.confidence()).isEqualTo(Move.MEDIUM); // measured with a carrier per thread, forecast past them
        assertThat(virtual.reasons().get(0)).contains("100000 blocks of 3.00 us on average by 2 virtual threads",
                "8 virtual threads on 2 carriers", "not L4");
    }

    @Test
    void platformThreadsBlockingBesideVirtualOnesStillDecideL4() {
        SiteForecast mixed = at(handoff(4, 10_000), EIGHT_ON_TWO);

        assertThat(mixed.forecastTier()).isEqualTo(4);
        assertThat(mixed.reasons().get(0)).contains("90000 blocks");
    }

    @Test
    void virtualBlocksShorterThanAnUnmountStayL2OnlyWhileEveryThreadHasACarrier() {
        TestSites quick = site("park").tier(2).threads(2).count("ops", 1_000_000).count("parks", 1_000_000)
                .count("parkedNanos", 200_000_000L).count("virtualThreads", 2).count("virtualOps", 1_000_000)
                .count("virtualBlocks", 1_000_000).count("virtualBlockedNanos", 200_000_000L);

        assertThat(at(quick, TWO_ON_TWO).forecastTier()).isEqualTo(2);
        assertThat(at(quick, EIGHT_ON_TWO).forecastTier()).isEqualTo(3);
    }

    @Test
    void pinnedBlocksHoldTheCarrierAndStarveTheOthersAtMoreThreadsPerCarrier() {
        // 2 virtual threads sleeping 1 ms pinned, 20% of the 2 carriers' time: 4x the threads is 80% of it.
        TestSites pinned = site("sleep").tier(4).threads(2).count("ops", 400).count("sleeps", 400)
                .count("sleptNanos", 400_000_000L).count("virtualThreads", 2).count("virtualOps", 400)
                .count("virtualBlocks", 400).count("virtualBlockedNanos", 400_000_000L).count("jfrPinnedEvents", 400)
                .pinning(new CarrierPinning(400, 1e6, "com.acme.Hot$Init.<clinit>:12", null, 2, 0.2, 1_000_000_000L, 0));

        SiteForecast eight = at(pinned, EIGHT_ON_TWO);
        SiteForecast two = at(pinned, TWO_ON_TWO);

        assertThat(eight.forecastTier()).isEqualTo(4);
        assertThat(eight.mechanism()).isEqualTo("carrier-starvation");
        assertThat(eight.reasons().get(0)).contains("400 of 400 virtual-thread blocks pinned", "20% of 2 carriers' time",
                "~80%");
        assertThat(two.forecastTier()).isEqualTo(4);
        assertThat(two.mechanism()).isEqualTo("pinned-carrier");
    }

    @Test
    void rarePinsLeaveTheUnmountToDecide() {
        TestSites site = handoff(3, 100_000).count("jfrPinnedEvents", 3);

        assertThat(at(site, EIGHT_ON_TWO).mechanism()).isEqualTo("virtual-unmount");
    }

    @Test
    void virtualSpinnersStillReachL5AndTheReasonSaysWhy() {
        TestSites spin = site("spin").tier(2).threads(2).count("ops", 9_000_000).count("spins", 9_000_000)
                .count("spinWaits", 19_000).count("virtualOps", 9_000_000);

        SiteForecast f = at(spin, EIGHT_ON_TWO);

        assertThat(f.forecastTier()).isEqualTo(5);
        assertThat(f.reasons().get(0)).contains("virtual waiters keep their carriers");
    }
}
