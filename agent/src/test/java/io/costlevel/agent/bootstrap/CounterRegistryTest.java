package io.costlevel.agent.bootstrap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Short-lived threads, as a service with a thread per task has them: their counts survive them exactly, and their
 * chunks, zeroed, serve the threads that come after (no count lost, none counted twice).
 */
class CounterRegistryTest {
    /** A site no other test counts at. */
    private static final int SITE = 5_000;
    private static final int THREADS_PER_ROUND = 1_500;
    private static final int OPS_PER_THREAD = 10;

    private static long at(int column) {
        long[] merged = CounterRegistry.merge();
        int index = SITE * Evidence.WIDTH + column;
        return index < merged.length ? merged[index] : 0;
    }

    @Test
    void endedThreadsChunksServeNewThreadsZeroedAndEveryCountSurvives() throws Exception {
        long opsBefore = at(Evidence.OPS);
        long threadsBefore = at(Evidence.THREADS);
        int rounds = 3;
        for (int round = 0; round < rounds; round++) {
            Thread[] threads = new Thread[THREADS_PER_ROUND];
            for (int i = 0; i < threads.length; i++) {
                threads[i] = new Thread(() -> {
                    ThreadCounters counters = ThreadCounters.current();
                    for (int op = 0; op < OPS_PER_THREAD; op++) {
                        counters.completed(SITE);
                    }
                });
                threads[i].start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
        }
        assertThat(at(Evidence.OPS) - opsBefore).isEqualTo((long) rounds * THREADS_PER_ROUND * OPS_PER_THREAD);
        assertThat(at(Evidence.THREADS) - threadsBefore).isEqualTo((long) rounds * THREADS_PER_ROUND);
        assertThat(CounterRegistry.spareChunks()).as("chunks of ended threads kept for the next ones").isPositive()
                .isLessThanOrEqualTo(CounterRegistry.MAX_SPARE_CHUNKS);
    }
}
