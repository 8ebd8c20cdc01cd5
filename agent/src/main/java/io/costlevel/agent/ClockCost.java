package io.costlevel.agent;

/** What one {@code System.nanoTime()} costs here: subtracted from every sampled latency. */
final class ClockCost {
    private static final int ROUNDS = 50;
    private static final int CALLS = 2_000;

    private ClockCost() {}

    /** The cheapest round's mean (a round disturbed by the scheduler or the interpreter only costs more). */
    static long measureNanos() {
        long best = Long.MAX_VALUE;
        long sink = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < CALLS; i++) {
                sink += System.nanoTime();
            }
            best = Math.min(best, (System.nanoTime() - start) / CALLS);
        }
        return sink == 42 ? best + 1 : best;
    }
}
