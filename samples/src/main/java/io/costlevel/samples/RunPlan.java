package io.costlevel.samples;

/**
 * How long one run may last: it ends when {@code timeBoundNanos} have passed or every thread has
 * done {@code opsPerThread} ops, whichever comes first. There is always a time bound, because one
 * op of sample 07 under oversubscription takes milliseconds.
 */
public record RunPlan(int threads, long timeBoundNanos, long opsPerThread) {
    /** The op bound of a run bounded by time alone. */
    public static final long UNBOUNDED_OPS = Long.MAX_VALUE;

    public RunPlan {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        if (timeBoundNanos <= 0) {
            throw new IllegalArgumentException("time bound must be positive: " + timeBoundNanos);
        }
        if (opsPerThread < 1) {
            throw new IllegalArgumentException("ops per thread must be at least 1: " + opsPerThread);
        }
    }

    public static RunPlan forSeconds(int threads, double seconds) {
        return new RunPlan(threads, secondsToNanos(seconds), UNBOUNDED_OPS);
    }

    public RunPlan withOpsPerThread(long ops) {
        return new RunPlan(threads, timeBoundNanos, ops);
    }

    static long secondsToNanos(double seconds) {
        return (long) (seconds * 1e9);
    }
}
