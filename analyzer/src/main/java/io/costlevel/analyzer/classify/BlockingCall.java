package io.costlevel.analyzer.classify;

/**
 * What a blocked thread was waiting for, read from the outermost JDK frame of the primitive chain the
 * site blocked in (the call the application made: {@code ArrayBlockingQueue.put -> ReentrantLock.lock ->
 * ... park} is a queue handoff, not a lock). It only chooses the advice's wording; the tier comes from the
 * blocking itself.
 */
enum BlockingCall {
    /** A producer/consumer handoff: a blocking queue or deque, a transfer queue, an Exchanger. */
    QUEUE_HANDOFF,
    /** Waiting for a state change another thread signals: Condition.await*, Object.wait. */
    CONDITION,
    /** Waiting for other threads to finish: join, latches, barriers, futures, pool termination. */
    COMPLETION,
    /** Thread.sleep / TimeUnit.sleep: a timed poll. */
    SLEEP,
    /** Anything else that parks: a contended lock or monitor, a semaphore, a bare LockSupport.park. */
    LOCK;

    /** The outermost call of a chain ({@code java.util.concurrent.ArrayBlockingQueue.put -> ...}), split up. */
    record Call(String type, String simple, String method) {
        /** @return the call, or null when the chain's first frame has no class (a native frame) */
        static Call outermost(String chain) {
            String frame = chain.split("; ", 2)[0].split(" -> ", 2)[0].trim();
            int dot = frame.lastIndexOf('.');
            if (dot < 0) {
                return null;
            }
            String type = frame.substring(0, dot);
            return new Call(type, type.substring(type.lastIndexOf('.') + 1), frame.substring(dot + 1));
        }

        /** A producer/consumer handoff structure. */
        boolean onBlockingQueue() {
            return io.costlevel.analyzer.attribution.QueueCalls.blockingQueue(simple);
        }
    }

    /** @param primitives the site's primitive chains, most significant first, joined by "; " (may be empty) */
    static BlockingCall of(String primitives) {
        Call call = Call.outermost(primitives);
        if (call == null) {
            return LOCK;
        }
        String type = call.type();
        String simple = call.simple();
        String method = call.method();
        if (call.onBlockingQueue() || simple.equals("Exchanger")) {
            return QUEUE_HANDOFF;
        }
        if (simple.equals("CountDownLatch") || simple.equals("CyclicBarrier") || simple.equals("Phaser")
                || method.equals("join") || method.equals("timedJoin") || method.equals("awaitTermination")
                || ((simple.endsWith("Future") || simple.equals("FutureTask")) && method.equals("get"))) {
            return COMPLETION;
        }
        if (method.equals("sleep")) {
            return SLEEP;
        }
        if ((simple.contains("Condition") && method.startsWith("await"))
                || (type.equals("java.lang.Object") && method.equals("wait"))) {
            return CONDITION;
        }
        return LOCK;
    }
}
