package io.costlevel.samples;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Marks the moment every worker of a run has begun incrementing: the start of the measured window,
 * as JMH's synchronised iterations only measure once all threads run the benchmark.
 *
 * <p>Why not simply release the workers together: threads are scheduled one by one, and until the
 * last has taken part the others contend as fewer threads. With 8 threads on 2 cores the spinning
 * ticket lock did between a hundred and a million ops at two-thread speed (100 ns) before every
 * thread held a ticket, then a few dozen per second; averaged over the whole run those first ops
 * hid its milliseconds per op in some runs and not in others, whatever the start barrier. Ops
 * before the window still count (the count must match them all) but not into the cost per op.
 */
final class AllContending {
    private final int workers;
    private final AtomicInteger arrived = new AtomicInteger();
    private volatile boolean reached;
    private volatile long sinceNanos;

    AllContending(int workers) {
        this.workers = workers;
    }

    /** Called by each worker just before its first op. */
    void arrive() {
        if (arrived.incrementAndGet() == workers) {
            sinceNanos = System.nanoTime();
            reached = true;
        }
    }

    boolean reached() {
        return reached;
    }

    /** When the last worker arrived; meaningful once {@link #reached()}. */
    long sinceNanos() {
        return sinceNanos;
    }
}
