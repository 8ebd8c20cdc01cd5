package io.costlevel.workloads;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Micrometer, the metrics library of most Spring services: one {@code Timer} for an endpoint, shared by the threads,
 * each request recording its duration. The timer counts in a {@code LongAdder}, sums in a {@code DoubleAdder} (striped
 * cells: each thread ends up adding to its own) and keeps its maximum in a ring of {@code AtomicLong}s that it only
 * reads once the maximum is set: nothing a request writes is shared by the threads.
 */
final class RequestTimer implements Workloads.Operation {
    private static final Timer TIMER = Timer.builder("http.server.requests").tag("uri", "/orders")
            .register(new SimpleMeterRegistry());
    private long next;

    @Override
    public long op() {
        TIMER.record(1000 + (next++ & 1023), TimeUnit.NANOSECONDS);
        return next;
    }
}
