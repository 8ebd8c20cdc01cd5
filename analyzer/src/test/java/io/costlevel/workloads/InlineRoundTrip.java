package io.costlevel.workloads;

import java.util.concurrent.ExecutionException;

/**
 * {@link ExecutorRoundTrip} written the way it mostly is, {@code submit(task).get()} on one line: the agent counts
 * two calls there, the submit and the get, so the line has two ops per request and the get's waits are judged on
 * its own ops (read as idle before, 2026-12-06).
 */
final class InlineRoundTrip implements Workloads.Operation {
    @Override
    public long op() {
        try {
            return ExecutorRoundTrip.POOL.submit(() -> 1L).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}
