package io.costlevel.samples;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * N threads of one kind each repeating one op for a time (S15, S16): how many ops they completed in how long.
 * Every wait is bounded: a thread not ended {@link #GRACE_NANOS} after the planned end makes the run not ok.
 */
final class TimedLoop {
    static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** One op of the loop. */
    interface Op {
        void run() throws Exception;
    }

    /**
     * @param ok all threads ended without an exception and did at least one op
     */
    record Result(long ops, long elapsedNanos, int threads, boolean ok) {
        /** Thread time per op: wall time x threads / ops, as the counters' runner reports it. */
        String nsPerOp() {
            return ops == 0 ? "NaN" : RunResult.formatNanos((double) elapsedNanos * threads / ops);
        }

        double seconds() {
            return elapsedNanos / 1e9;
        }
    }

    private TimedLoop() {}

    static Result run(ThreadKind kind, int threads, double seconds, Op op) throws InterruptedException {
        long duration = (long) (seconds * 1e9);
        AtomicLong ops = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        long start = System.nanoTime();
        Thread[] workers = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            workers[i] = kind.start(() -> {
                long done = 0;
                try {
                    while (System.nanoTime() - start < duration) {
                        op.run();
                        done++;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failures.incrementAndGet();
                } catch (Exception e) {
                    failures.incrementAndGet();
                }
                ops.addAndGet(done); // once per thread: the run's only shared write
            }, "costlevel-worker-" + i);
        }
        boolean ended = true;
        for (Thread worker : workers) {
            TimeUnit.NANOSECONDS.timedJoin(worker, Math.max(1, start + duration + GRACE_NANOS - System.nanoTime()));
            ended &= !worker.isAlive();
        }
        long n = ops.get();
        return new Result(n, System.nanoTime() - start, threads, ended && failures.get() == 0 && n > 0);
    }
}
