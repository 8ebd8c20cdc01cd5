package io.costlevel.workloads;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A task scheduled on a {@code ScheduledThreadPoolExecutor} with no delay and waited for through its
 * {@code ScheduledFuture}, on one line, as a service schedules a retry or a timeout check and then waits for it: the
 * caller parks until the pool's thread, woken by the schedule, has run the task. The agent did not count the
 * {@code schedule} nor the {@code ScheduledFuture.get} (the call names that interface, not {@code Future}), so the line
 * had no ops and no ns/op (2026-12-06).
 */
final class ScheduledRoundTrip implements Workloads.Operation {
    static final ScheduledExecutorService POOL = Executors.newScheduledThreadPool(1, task -> {
        Thread thread = new Thread(task, "scheduler");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public long op() {
        try {
            return POOL.schedule(() -> 1L, 0, TimeUnit.NANOSECONDS).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}
