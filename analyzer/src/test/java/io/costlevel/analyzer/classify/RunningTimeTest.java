package io.costlevel.analyzer.classify;

import io.costlevel.analyzer.attribution.Attribution;
import io.costlevel.analyzer.attribution.SiteTable;
import io.costlevel.analyzer.attribution.SiteTally;
import org.junit.jupiter.api.Test;

import static io.costlevel.analyzer.classify.AgentSiteBuilder.site;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, item 2: a site's running time comes from CPU samples where they measure it, not from the agent's timed
 * ops, whose mean carries the time slices a preempted op waited for a core (8 threads on 2 cores: an AtomicLong
 * timed at 106 ns per op whose native CPU time is 6 ns) and loses ops cheaper than the clock read. Figures shaped
 * like MixedServiceIT's atomic line: 10 M ops on 2 threads, timed at 100 ns each, 40 samples of 2 ms = 80 ms of CPU.
 */
class RunningTimeTest {
    private static final long OPS = 10_000_000;
    private static final double PERIOD = 2e6;

    private static SiteFacts facts(AgentSiteBuilder counters, long samples, boolean exactPeriod) {
        SiteTable table = new SiteTable();
        table.addAgentSite(counters.build());
        SiteTally tally = table.all().get(0);
        var charge = table.charge(new Attribution(tally.site(), "", false));
        for (int i = 0; i < samples; i++) {
            charge.cpuSample(i % 2, 1);
        }
        table.cpuTime(tally.site(), samples, PERIOD, exactPeriod);
        return new SiteFacts(tally, new RunContext(2, true, 1.0));
    }

    private static AgentSiteBuilder sharedAtomic() {
        return site("atomic").ops(OPS).threads(2).handoffs(OPS / 64, OPS / 640).nsPerOp(100);
    }

    @Test
    void enoughSamplesAtTheProfilersOwnPeriodMeasureTheRunningTime() {
        SiteFacts f = facts(sharedAtomic(), 40, true);
        assertThat(f.samplesMeasureRunning()).isTrue();
        assertThat(SiteTime.runningNanos(f)).as("40 x 2 ms").isEqualTo(80e6);
        assertThat(f.nsPerOp()).as("80 ms / 10 M ops, not the timed 100 ns").isEqualTo(8.0);
    }

    @Test
    void theCostCrossCheckThenSeesNoMovingLine() {
        // 10 % handoffs and a timed 100 ns would make it L2; 8 ns of CPU per op says the line rarely moved.
        Verdict v = new Classifier().classify(facts(sharedAtomic(), 40, true)).orElseThrow();
        assertThat(v.tier()).isEqualTo(Tiers.L1_UNCONTENDED_ATOMIC);
        Verdict timed = new Classifier().classify(facts(sharedAtomic(), 40, false)).orElseThrow();
        assertThat(timed.tier()).as("the same site with an estimated period keeps the timing").isEqualTo(Tiers.L2_TRUE_SHARING);
    }

    @Test
    void blocksTheAgentCountedAddToTheSampledTimePerOp() {
        SiteFacts f = facts(site("lock").ops(OPS).threads(2).parks(1_000, 500_000_000).nsPerOp(150), 40, true);
        assertThat(f.nsPerOp()).as("(80 ms CPU + 500 ms parked) / 10 M ops").isEqualTo(58.0);
        assertThat(SiteTime.runningNanos(f)).isEqualTo(80e6);
    }

    @Test
    void parksInferredFromTimedCallsAreLeftOutWhereThreadsOutnumberCoresAndTheRecordingMeasures() {
        // ConcurrentHashMap.merge over per-thread keys never blocks; at 8 threads on 2 cores its preempted timed
        // calls read as parks. The recording's monitor and park events (none here) are the blocking then.
        AgentSiteBuilder merge = site("call").primitive("java.util.concurrent.ConcurrentHashMap.merge").ops(OPS)
                .parks(OPS / 100, 2_000_000_000L).nsPerOp(300);
        SiteFacts eight = facts(merge.threads(8), 40, true);
        assertThat(eight.inferredParksLeftOut()).isTrue();
        assertThat(eight.blockedNanos()).isZero();
        assertThat(eight.nsPerOp()).as("80 ms of CPU over 10 M calls").isEqualTo(8.0);
        assertThat(facts(merge.threads(2), 40, true).blockedNanos()).as("no preemption: a park").isEqualTo(2_000_000_000L);
        assertThat(facts(merge.threads(8), 40, false).blockedNanos()).as("the recording does not measure").isEqualTo(2_000_000_000L);
        assertThat(facts(site("lock").ops(OPS).threads(8).parks(OPS / 100, 2_000_000_000L).nsPerOp(300), 40, true)
                .blockedNanos()).as("a lock's parks are counted, not inferred").isEqualTo(2_000_000_000L);
    }

    /**
     * A call's parks are inferred from its slow timed calls, whose durations hold their running part too: where the
     * samples measure the running time, the parked time is what the calls' timed total leaves of it (an executor round
     * trip's Future.get: 2.62 s inferred parked, 0.57 s sampled, 2.68 s timed).
     */
    @Test
    void inferredParksAndSampledRunningAddUpToNoMoreThanTheTimedCalls() {
        AgentSiteBuilder get = site("call").primitive("java.util.concurrent.Future.get").ops(OPS).threads(2)
                .parks(OPS / 2, 2_900_000_000L).nsPerOp(300);
        SiteFacts f = facts(get, 200, true);
        assertThat(f.blockedNanos()).as("3 s timed less 400 ms sampled").isEqualTo(2_600_000_000L);
        assertThat(f.nsPerOp()).as("the timed calls' 300 ns, not 330").isEqualTo(300.0);
        assertThat(facts(get, 200, false).blockedNanos()).as("the recording does not measure").isEqualTo(2_900_000_000L);
    }

    @Test
    void withMoreThreadsThanCoresTenSamplesThatRefuteTheTimingMeasureTheRunningTime() {
        // ReentrantLock at 8 threads on 2 cores (2026-12-04): 18 samples at the lock's line, its ops timed at 740 ns
        // where they ran 16 ns of CPU: the timing held the time slices the threads waited for a core.
        AgentSiteBuilder preempted = site("atomic").ops(OPS).threads(8).nsPerOp(740);
        assertThat(facts(preempted, 12, true).samplesMeasureRunning()).as("7.4 s timed against 12 x 2 ms").isTrue();
        assertThat(SiteTime.runningNanos(facts(preempted, 12, true))).isEqualTo(24e6);
        assertThat(facts(preempted, 9, true).samplesMeasureRunning()).as("below the minimum").isFalse();
        // 2.4 ns x 10 M = 24 ms, what 12 samples of 2 ms say: the timing stands.
        assertThat(facts(site("atomic").ops(OPS).threads(8).nsPerOp(2.4), 12, true).samplesMeasureRunning()).isFalse();
        // A core per thread: a line's few samples move between it and the probes from one compilation to the next,
        // and the timing above them stands; one below them (0.2 ns x 10 M = 2 ms against 24) lost the op to the clock.
        assertThat(facts(site("atomic").ops(OPS).threads(2).nsPerOp(740), 12, true).samplesMeasureRunning()).isFalse();
        assertThat(facts(site("atomic").ops(OPS).threads(2).nsPerOp(0.2), 12, true).samplesMeasureRunning()).isTrue();
    }

    @Test
    void aTimingOfNothingGivesWayToAnySample() {
        // The blocking ticket lock at one thread: ops cheaper than the clock read the agent subtracts, timed at 0.
        SiteFacts zero = facts(site("atomic").ops(OPS).threads(1).nsPerOp(0), 8, true);
        assertThat(zero.samplesMeasureRunning()).isTrue();
        assertThat(SiteTime.runningNanos(zero)).as("8 x 2 ms").isEqualTo(16e6);
    }

    @Test
    void theTimedOpsStayWhereSamplesCannotMeasure() {
        double timed = 100.0 * OPS;
        assertThat(SiteTime.runningNanos(facts(sharedAtomic(), 29, true))).as("too few samples").isEqualTo(timed);
        assertThat(SiteTime.runningNanos(facts(sharedAtomic(), 40, false))).as("estimated period").isEqualTo(timed);
        assertThat(SiteTime.runningNanos(facts(sharedAtomic().yields(OPS / 2), 40, true)))
                .as("a yield gives the core away: its time is the mechanism").isEqualTo(timed);
        assertThat(SiteTime.runningNanos(facts(site("spin").ops(OPS).threads(2).spins(OPS, 1_000).nsPerOp(100), 40, true)))
                .as("a spin waits on the core").isEqualTo(timed);
    }
}
