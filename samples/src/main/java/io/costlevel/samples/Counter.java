package io.costlevel.samples;

/**
 * A 64-bit counter that many threads increment at once: the one problem every sample solves, each
 * with a different concurrency primitive, so that only the primitive's cost differs between them.
 */
public interface Counter {

    /**
     * Adds one. Returns only once the increment is counted; a counter whose waiting loop was told to
     * {@link #stop()} throws {@link CounterStoppedException} instead, without having counted.
     */
    void increment();

    /** The count. Exact once every incrementing thread has finished (joined). */
    long value();

    /**
     * What a worker thread should call {@link #increment()} on: this counter, or for a counter that
     * keeps per-thread state, the calling thread's own part, looked up once instead of on every op.
     */
    default Counter forCurrentThread() {
        return this;
    }

    /**
     * Tells waiting loops to give up, so that a time-bounded run ends even when waiters outnumber
     * cores and a single op takes milliseconds. Counters that never wait in a loop of their own
     * (they only block inside the JDK, which always makes progress) need not do anything.
     */
    default void stop() {}
}
