package io.costlevel.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A run bounded only by time ends, and stays exact. Sustained contention is where a broken counter
 * loses updates (short op-bounded runs may barely overlap on a busy machine), and the stop is where
 * a ticket lock could miscount: at 4x as many threads as cores most of its threads are waiting at
 * any moment, so the stop finds several, and each must give up without counting.
 */
class TimeBoundTest {
    private static final long FIFTH_OF_A_SECOND = TimeUnit.MILLISECONDS.toNanos(200);
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    static Stream<Arguments> contendedRuns() {
        return Stream.of(Sample.values())
                .flatMap(sample -> Stream.of(Math.max(2, CORES), 4 * CORES).map(threads -> Arguments.of(sample, threads)));
    }

    @ParameterizedTest(name = "{0} x {1} threads")
    @MethodSource("contendedRuns")
    void stopsInTimeWithTheCountEqualToTheOpsDone(Sample sample, int threads) throws InterruptedException {
        RunResult result = CounterRun.run(sample, new RunPlan(threads, FIFTH_OF_A_SECOND, RunPlan.UNBOUNDED_OPS));

        assertThat(result.allThreadsEnded()).isTrue();
        assertThat(result.count()).isEqualTo(result.ops());
        assertThat(result.elapsedNanos()).isBetween(FIFTH_OF_A_SECOND, FIFTH_OF_A_SECOND + CounterRun.GRACE_NANOS);
    }
}
