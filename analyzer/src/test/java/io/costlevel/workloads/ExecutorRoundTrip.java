package io.costlevel.workloads;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** A task handed to a pool and waited for: the caller parks until a pool thread has run it and wakes it. */
final class ExecutorRoundTrip implements Workloads.Operation {
    static final ExecutorService POOL = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "pool");
        t.setDaemon(true);
        return t;
    });

    @Override
    public long op() {
        Future<Long> result = POOL.submit(() -> 1L);
        try {
            return result.get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}
