package io.costlevel.workloads;

import java.util.concurrent.Phaser;

/**
 * Threads that advance in lockstep, as a simulation or a batch pipeline does: each op waits at a {@code Phaser} until
 * every worker has arrived. The rendezvous is what the op costs: each arrival CASes the phaser's state, and the first to
 * arrive spins on it (and would park after a while) until the last one's arrival moves it. A worker registers at its
 * first op and leaves when it is done ({@link #close}), so the others never wait for a worker that has stopped.
 */
final class PhaseSteps implements Workloads.Operation, AutoCloseable {
    private static final Phaser STEPS = new Phaser();
    private boolean registered;

    @Override
    public long op() {
        if (!registered) {
            STEPS.register();
            registered = true;
        }
        return STEPS.arriveAndAwaitAdvance();
    }

    @Override
    public void close() {
        if (registered) {
            STEPS.arriveAndDeregister();
        }
    }
}
