package io.costlevel.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every counter counts exactly: N threads x M ops give N*M, alone, at threads = cores and
 * oversubscribed 4x (the cores of the machine it runs on). M is chosen per sample so the slowest case (the spinning ticket lock, ms per op
 * at 8 threads on 2 cores) still finishes its ops well inside the time bound.
 */
class CounterExactnessTest {
    /** Generous: a run that hits it fails the test (ops would fall short of N*M), it never hangs it. */
    private static final long TIME_BOUND_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final int CORES_HERE = Runtime.getRuntime().availableProcessors();

    static Stream<Arguments> samplesAndThreads() {
        return Stream.of(Sample.values())
                .flatMap(sample -> Stream.of(1, CORES_HERE, 4 * CORES_HERE).map(threads -> Arguments.of(sample, threads)));
    }

    @ParameterizedTest(name = "{0} x {1} threads")
    @MethodSource("samplesAndThreads")
    void countsEveryOpOfEveryThread(Sample sample, int threads) throws InterruptedException {
        long opsPerThread = opsPerThread(sample, threads);

        RunResult result = CounterRun.run(sample, new RunPlan(threads, TIME_BOUND_NANOS, opsPerThread));

        assertThat(result.allThreadsEnded()).isTrue();
        assertThat(result.ops()).isEqualTo(threads * opsPerThread);
        assertThat(result.count()).isEqualTo(threads * opsPerThread);
        assertThat(result.ok()).isTrue();
    }

    /** Few ops where each waits for the scheduler; many where contention can lose updates quickly. */
    private static long opsPerThread(Sample sample, int threads) {
        if ((sample == Sample.SPINNING_TICKET || sample == Sample.POLLING_TICKET) && threads > CORES_HERE) {
            return 8;
        }
        return switch (sample) {
            case YIELDING_TICKET, BLOCKING_TICKET, SPINNING_TICKET, COOPERATIVE_TICKET, POLLING_TICKET -> 2_000;
            // Enough to outlast the interpreter and thread start-up, so the threads really overlap.
            default -> 1_000_000;
        };
    }
}
