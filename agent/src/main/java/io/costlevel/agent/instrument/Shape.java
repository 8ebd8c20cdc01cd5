package io.costlevel.agent.instrument;

/** What a primitive's call site records besides its op count, and so which probe follows the original call. */
enum Shape {
    /** Counted only. */
    PLAIN,
    /** compareAndSet and weak forms: the boolean result says whether the CAS failed. */
    CAS,
    /** compareAndExchange: failed when the witness is not the expected value (the second-to-last argument). */
    EXCHANGE,
    /** tryLock, tryAcquire: false is a contended (failed) try. */
    TRY,
    /** StampedLock try*: stamp 0 is a failed try. */
    TRY_STAMP,
    /** Blocking calls, each timed: LockSupport.park*, Condition.await*. */
    PARK,
    /** Object.wait, Thread.join. */
    WAIT,
    SLEEP,
    YIELD,
    SPIN,
    /** unpark, notify*, signal*, Semaphore.release. */
    WAKEUP,
    /** The call is replaced by the same-named method of AcquireProbes, which tries first and times contention. */
    REPLACE,
    /**
     * A call into a JDK API that synchronizes inside without blocking (CallProbes: Random, concurrent maps): counted
     * as one operation when the receiver's class synchronizes, timed when sampled.
     */
    CALL,
    /**
     * A call into a JDK API that may block inside (a monitor, a queue's lock, a future): as {@link #CALL}, and a
     * sampled call that lasted a context switch is counted as a park.
     */
    CALL_BLOCKING
}
