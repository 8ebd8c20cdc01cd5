package io.costlevel.agent.vthread;

import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The sums the sampler keeps: the integral of queued threads over time, and the stretches of saturation. */
class SchedulerSamplerTest {
    private static final long MS = 1_000_000L;

    @Test
    void mountWaitIsTheIntegralOfQueuedThreadsAndSaturationItsBusyStretches() {
        SchedulerSampler sampler = new SchedulerSampler(ForkJoinPool.commonPool());
        sampler.record(10 * MS, 2, 2, 6, true);
        sampler.record(10 * MS, 2, 2, 4, true);
        sampler.record(10 * MS, 2, 3, 0, false);
        sampler.record(10 * MS, 2, 2, 2, true);
        CarrierLoad load = sampler.snapshot();
        assertThat(load.samples()).isEqualTo(4);
        assertThat(load.sampledNanos()).isEqualTo(40 * MS);
        assertThat(load.mountWaitNanos()).isEqualTo((6 + 4 + 2) * 10 * MS);
        assertThat(load.saturatedNanos()).isEqualTo(30 * MS);
        assertThat(load.longestSaturatedNanos()).isEqualTo(20 * MS);
        assertThat(load.peakWaiting()).isEqualTo(6);
        assertThat(load.peakCarriers()).isEqualTo(3);
        assertThat(load.parallelism()).isEqualTo(2);
    }

    @Test
    void aStoppedProcessCountsAsOneSecondAtMost() {
        SchedulerSampler sampler = new SchedulerSampler(ForkJoinPool.commonPool());
        sampler.record(60_000 * MS, 2, 2, 1, false);
        assertThat(sampler.snapshot().mountWaitNanos()).isEqualTo(SchedulerSampler.MAX_GAP_NANOS);
    }

    @Test
    void onThisJdkTheDefaultSchedulerIsReadOnlyWhereVirtualThreadsExist() {
        // The build runs on 17 (no VirtualThread): nothing found, nothing thrown, nothing said.
        if (Runtime.version().feature() < 21) {
            assertThat(SchedulerSampler.defaultScheduler(null)).isNull();
        }
    }
}
