package io.costlevel.analyzer.forecast;

import org.junit.jupiter.api.Test;

import static io.costlevel.analyzer.forecast.TestSites.site;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per mechanism: what it does to a site's tier at more threads or fewer cores, and how sure it is. */
class ForecastRulesTest {
    private static final Target EIGHT_ON_TWO = new Target(8, 2);
    private static final Target TWO_ON_TWO = new Target(2, 2);

    /** The agent's counts inside one java.util.Random drawn from by 2 threads (LibraryForecastIT's run). */
    private static TestSites sharedRandom() {
        return site("call").tier(2).threads(2).count("ops", 42_284_000).count("handoffChecks", 660_301)
                .count("handoffs", 321_554).count("sameLineChecks", 660_300).count("sharedLineChecks", 660_299)
                .primitive("java.util.Random.nextInt");
    }

    private static SiteForecast at(SiteHistory history, Target target) {
        return Forecaster.forecastSite(history, target, null);
    }

    @Test
    void spinningWhileWaitingBecomesACatastropheWithMoreThreadsThanCores() {
        SiteHistory spin = site("spin").tier(2).threads(2).count("ops", 9_000_000).count("spins", 9_000_000).count("spinWaits", 19_000).today(2);

        SiteForecast past = at(spin, EIGHT_ON_TWO);
        SiteForecast within = at(spin, TWO_ON_TWO);

        assertThat(past.forecastTier()).isEqualTo(5);
        assertThat(past.mechanism()).isEqualTo("spin-descheduled");
        assertThat(past.confidence()).isEqualTo(Move.MEDIUM); // measured with a core per thread, forecast past them
        assertThat(past.reasons().get(0)).contains("474 spins per wait at 2 threads on 2 cores", "8 threads on 2 cores");
        assertThat(within.forecastTier()).isEqualTo(2);
        assertThat(within.confidence()).isEqualTo(Move.HIGH);
    }

    @Test
    void fewerCoresAloneMoveASpinToL5() {
        SiteHistory spin = site("spin").tier(2).threads(4).count("ops", 100_000).count("spins", 100_000).count("spinWaits", 300).today(4);

        assertThat(at(spin, new Target(4, 2)).forecastTier()).isEqualTo(5);
    }

    @Test
    void yieldingIsASyscallWithFreeCoresAndAContextSwitchWithout() {
        SiteHistory yield = site("yield").tier(3).threads(2).count("ops", 1_000_000).count("yields", 400_000).today(2);

        assertThat(at(yield, EIGHT_ON_TWO).forecastTier()).isEqualTo(4);
        assertThat(at(yield, EIGHT_ON_TWO).mechanism()).isEqualTo("yield-switch");
        assertThat(at(yield, TWO_ON_TWO).forecastTier()).isEqualTo(3);
    }

    @Test
    void blockingHandoffsStayL4() {
        SiteHistory await = site("condition").tier(4).threads(2).count("ops", 10_000).count("parks", 10_000)
                .count("parkedNanos", 300_000_000L).today(2);

        SiteForecast f = at(await, EIGHT_ON_TWO);

        assertThat(f.forecastTier()).isEqualTo(4);
        assertThat(f.mechanism()).isEqualTo("blocking");
        assertThat(f.reasons().get(0)).contains("30.0 us");
    }

    @Test
    void aParkThatFoundItsPermitIsNoBlockingHandoff() {
        SiteHistory park = site("lock").tier(1).threads(2).count("ops", 1_000_000).count("parks", 10).count("parkedNanos", 5_000).today(2);

        assertThat(at(park, EIGHT_ON_TWO).mechanism()).isNotEqualTo("blocking");
    }

    @Test
    void stripedAddersStayL1() {
        SiteHistory adder = site("atomic").tier(1).threads(2).count("ops", 50_000_000)
                .primitive("java.util.concurrent.atomic.LongAdder.increment").today(2);

        SiteForecast f = at(adder, EIGHT_ON_TWO);

        assertThat(f.forecastTier()).isEqualTo(1);
        assertThat(f.mechanism()).isEqualTo("striped");
    }

    @Test
    void shardedStateThatSpreadsOverManyLinesStaysL1() {
        SiteHistory sharded = site("atomic").tier(1).threads(1).count("ops", 30_000_000).count("handoffChecks", 500_000)
                .count("sameLineChecks", 2_000).count("sharedLineChecks", 0).today(2);

        SiteForecast f = at(sharded, EIGHT_ON_TWO);

        assertThat(f.forecastTier()).isEqualTo(1);
        assertThat(f.mechanism()).isEqualTo("spread-lines");
        assertThat(f.confidence()).isEqualTo(Move.MEDIUM);
    }

    @Test
    void oneAtomicWrittenByOneThreadTodayIsSharedAtN() {
        SiteHistory atomic = site("atomic").tier(1).threads(1).count("ops", 15_000_000).count("handoffChecks", 230_000)
                .count("sameLineChecks", 229_999).count("sharedLineChecks", 0).today(2);

        SiteForecast f = at(atomic, EIGHT_ON_TWO);

        assertThat(f.forecastTier()).isEqualTo(2);
        assertThat(f.mechanism()).isEqualTo("shared-if-reachable");
        assertThat(f.confidence()).isEqualTo(Move.MEDIUM);
        assertThat(at(atomic, new Target(1, 2)).forecastTier()).isEqualTo(1);
    }

    @Test
    void stateSharedByTwoThreadsTodayIsL2AtNWithHighConfidence() {
        // Two threads taking turns (a busy machine): few handoffs, but every line was touched by the other thread too.
        SiteHistory atomic = site("atomic").tier(1).threads(2).count("ops", 7_000_000).count("handoffChecks", 114_000)
                .count("handoffs", 99).count("sameLineChecks", 114_000).count("sharedLineChecks", 114_000).today(2);

        SiteForecast f = at(atomic, EIGHT_ON_TWO);

        assertThat(f.forecastTier()).isEqualTo(2);
        assertThat(f.mechanism()).isEqualTo("shared-line");
        assertThat(f.confidence()).isEqualTo(Move.HIGH);
        assertThat(f.reasons().get(0)).contains("100% of sampled ops on a line another thread touched");
    }

    @Test
    void failedCasIsSharingEvenWithoutLineCounts() {
        SiteHistory cas = site("atomic").tier(2).threads(2).count("ops", 5_000_000).count("casAttempts", 5_000_000)
                .count("casFailures", 800_000).count("handoffChecks", 78_000).count("handoffs", 2_000).today(2);

        assertThat(at(cas, EIGHT_ON_TWO).forecastTier()).isEqualTo(2);
        assertThat(at(cas, EIGHT_ON_TWO).reasons().get(0)).contains("16.0% of CAS failed");
    }

    @Test
    void stateEachThreadKeepsToItselfIsConfinedAndStaysL1() {
        // Per-thread objects at one line of code: many threads ran it, no line was ever touched by two.
        SiteHistory perThread = site("lock").tier(1).threads(4).count("ops", 4_000_000).count("handoffChecks", 60_000)
                .count("sameLineChecks", 15_000).count("sharedLineChecks", 12).today(2);

        SiteForecast f = at(perThread, EIGHT_ON_TWO);

        assertThat(f.forecastTier()).isEqualTo(1);
        assertThat(f.mechanism()).isEqualTo("confined");
    }

    @Test
    void aLineOnlyOneOfTheRunsThreadsRanKeepsItsTier() {
        // A shutdown flag the main thread sets in a run of 4 workers: more workers do not run it.
        SiteHistory stop = new SiteHistory("com.acme.Hot", "stop", 7, java.util.List.of(
                new SitePoint(site("lock").tier(1).threads(1).count("ops", 1).build(), 4, 2, true)));

        SiteForecast f = at(stop, EIGHT_ON_TWO);

        assertThat(f.forecastTier()).isEqualTo(1);
        assertThat(f.mechanism()).isEqualTo("one-thread-line");
    }

    @Test
    void withoutTheAgentRecordedBlockingStaysL4WithLowConfidence() {
        SiteHistory monitor = new SiteHistory("com.acme.Hot", "run", 42, java.util.List.of(new SitePoint(
                site("monitor").tier(4).threads(8).count("jfrMonitorEnterEvents", 120).build(), 8, 2, false)));

        SiteForecast f = at(monitor, new Target(16, 2));

        assertThat(f.forecastTier()).isEqualTo(4);
        assertThat(f.confidence()).isEqualTo(Move.LOW);
    }

    @Test
    void plainCodeKeepsItsTier() {
        SiteHistory cpu = site("cpu").tier(0).threads(2).count("jfrCpuSamples", 300).today(2);

        assertThat(at(cpu, EIGHT_ON_TWO).forecastTier()).isZero();
        assertThat(at(cpu, EIGHT_ON_TWO).mechanism()).isEqualTo("plain");
        assertThat(at(cpu, EIGHT_ON_TWO).confidence()).isEqualTo(Move.HIGH);
    }

    @Test
    void aLibraryCallChargedToTheLineIsSharedOrSpreadByItsLineCounts() {
        // The agent's counts inside java.util.Random and ConcurrentHashMap.merge at 2 threads (LibraryForecastIT's runs).
        SiteHistory random = sharedRandom().today(2);
        SiteHistory spread = site("call").tier(1).threads(2).count("ops", 35_677_000).count("handoffChecks", 557_015)
                .count("sameLineChecks", 0).count("sharedLineChecks", 0)
                .primitive("java.util.concurrent.ConcurrentHashMap.merge").today(2);

        assertThat(at(random, EIGHT_ON_TWO).mechanism()).isEqualTo("shared-line");
        assertThat(at(random, EIGHT_ON_TWO).forecastTier()).isEqualTo(2);
        assertThat(at(spread, EIGHT_ON_TWO).mechanism()).isEqualTo("spread-lines");
        assertThat(at(spread, EIGHT_ON_TWO).forecastTier()).isEqualTo(1);
    }

    @Test
    void aSharedLockWithMoreThreadsThanCoresBlocksOnItsPreemptedHolder() {
        // ConcurrentHashMap.merge on one hot key at 2 threads (LibraryForecastIT's run): the bin's node shared, and
        // 222 waits on its monitor in the recording. Natively 187 ns CPU + 382 ns blocked per op at 8 threads.
        SiteHistory hotKey = site("call").tier(2).threads(2).count("ops", 12_026_000).count("handoffChecks", 187_668)
                .count("handoffs", 73_430).count("sameLineChecks", 187_667).count("sharedLineChecks", 187_667)
                .count("jfrMonitorEnterEvents", 222).primitive("java.util.concurrent.ConcurrentHashMap.merge").today(2);
        SiteHistory monitor = site("monitor").tier(2).threads(2).count("ops", 9_000_000).count("contended", 400_000).today(2);
        SiteHistory random = sharedRandom().today(2);

        SiteForecast f = at(hotKey, EIGHT_ON_TWO);
        assertThat(f.forecastTier()).isEqualTo(4);
        assertThat(f.mechanism()).isEqualTo("preempted-holder");
        assertThat(f.reasons().get(0)).contains("222 monitor waits inside the call", "8 threads on 2 cores");
        assertThat(at(monitor, EIGHT_ON_TWO).mechanism()).isEqualTo("preempted-holder");
        // A core per thread: the holder is not preempted, the line still moves.
        assertThat(at(hotKey, TWO_ON_TWO).forecastTier()).isEqualTo(2);
        // An atomic has no holder: a CAS on a shared seed stays L2 however many threads, and one incidental monitor
        // wait charged to its line (a class loaded on the first call; LibraryForecastIT, CI) makes it no lock.
        assertThat(at(random, EIGHT_ON_TWO).mechanism()).isEqualTo("shared-line");
        SiteHistory randomWithAWait = sharedRandom().count("jfrMonitorEnterEvents", 1).today(2);
        assertThat(at(randomWithAWait, EIGHT_ON_TWO).mechanism()).isEqualTo("shared-line");
    }

    @Test
    void blockingInsideALibraryTheAgentDidNotCountIsReadFromTheRecording() {
        // ConcurrentHashMap.merge on one hot key at 2 threads under the agent: the bin's monitor is inside the JDK.
        SiteHistory merge = site("monitor").tier(4).threads(2).count("jfrCpuSamples", 153)
                .count("jfrMonitorEnterEvents", 1325).count("jfrMonitorEnterNanos", 72_989_444).today(2);

        SiteForecast f = at(merge, EIGHT_ON_TWO);

        assertThat(f.forecastTier()).isEqualTo(4);
        assertThat(f.mechanism()).isEqualTo("blocking");
        assertThat(f.confidence()).isEqualTo(Move.LOW);
    }

    @Test
    void aFewRecordedBlocksAtALineWhoseTimeRunsAreNotHowItWaits() {
        // ThreadLocalRandom draws at 2 threads under the agent, JDK 25 (LibraryForecastIT in CI): one park event charged
        // to the line, whose time is all running (L0 by the split rule). Not "stays L4".
        SiteHistory draws = site("cpu").tier(0).threads(2).count("jfrCpuSamples", 290)
                .count("jfrParkEvents", 1).count("jfrParkNanos", 61_000).today(2);

        SiteForecast f = at(draws, EIGHT_ON_TWO);

        assertThat(f.mechanism()).isEqualTo("plain");
        assertThat(f.forecastTier()).isZero();
    }

    @Test
    void aLineThatSynchronizesInsideALibraryIsNotCalledPlainWithConfidence() {
        // A shared java.util.Random at 2 threads under the agent (measured: docs/forecast.md, "Real libraries").
        SiteHistory random = site("cpu").tier(0).threads(2).count("jfrCpuSamples", 51)
                .primitive("java.util.Random.nextInt -> java.util.concurrent.atomic.AtomicLong.compareAndSet").today(2);

        SiteForecast f = at(random, EIGHT_ON_TWO);

        assertThat(f.forecastTier()).isZero();
        assertThat(f.mechanism()).isEqualTo("library-sync");
        assertThat(f.confidence()).isEqualTo(Move.LOW);
        assertThat(f.reasons().get(0)).contains("AtomicLong.compareAndSet", "not measured");
    }

    @Test
    void aFitGivesNsPerOpAndAFloorWhenTheMechanismStartsPastTheInputs() {
        SiteHistory spin = site("spin").tier(2).threads(2).nsPerOp(500).count("ops", 9_000_000).count("spins", 9_000_000)
                .count("spinWaits", 19_000).today(2);
        UslFit fit = UslFitter.fit(java.util.List.of(new Throughput(1, 1e8), new Throughput(2, 4e6)), 8);

        SiteForecast f = Forecaster.forecastSite(spin, EIGHT_ON_TWO, fit);

        assertThat(f.forecastNsPerOp()).isCloseTo(500 * fit.nsPerOpAt(8) / fit.nsPerOpAt(2), org.assertj.core.api.Assertions.within(1e-6));
        assertThat(f.nsPerOpIsLowerBound()).isTrue();
        assertThat(f.reasons().get(1)).contains("at least");
    }
}
