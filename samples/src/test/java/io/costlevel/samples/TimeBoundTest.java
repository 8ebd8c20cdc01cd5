package io.costlevel.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A run bounded only by time ends, and stays exact, even when it stops waiters in the middle of
 * their wait: at 8 threads on 2 cores most threads of a ticket lock are waiting at any moment, so
 * the stop finds several, each must give up without counting.
 */
class TimeBoundTest {
    private static final long QUARTER_SECOND = TimeUnit.MILLISECONDS.toNanos(250);

    @ParameterizedTest
    @EnumSource(names = {"YIELDING_TICKET", "BLOCKING_TICKET", "SPINNING_TICKET", "COOPERATIVE_TICKET"})
    void oversubscribedTicketLockStopsExactlyWithinItsGrace(Sample sample) throws InterruptedException {
        RunResult result = CounterRun.run(sample, new RunPlan(8, QUARTER_SECOND, RunPlan.UNBOUNDED_OPS));

        assertThat(result.allThreadsEnded()).isTrue();
        assertThat(result.count()).isEqualTo(result.ops());
        assertThat(result.elapsedNanos()).isBetween(QUARTER_SECOND, QUARTER_SECOND + CounterRun.GRACE_NANOS);
    }
}
