package io.costlevel.agent.instrument;

import io.costlevel.agent.options.Family;

/**
 * A JDK operation the agent counts at its call sites.
 *
 * @param name  the JDK method as users know it, e.g. {@code java.util.concurrent.atomic.AtomicLong.incrementAndGet}
 * @param kind  the data format's {@code kind}: monitor, lock, condition, atomic, park, wait, yield, sleep, spin, join
 */
record Primitive(String name, String kind, Family family, Shape shape, Target target) {
    static final Primitive MONITORENTER =
            new Primitive("monitorenter", "monitor", Family.MONITORS, Shape.PLAIN, Target.RECEIVER);
    static final Primitive SYNCHRONIZED_METHOD =
            new Primitive("synchronized method", "monitor", Family.MONITORS, Shape.PLAIN, Target.RECEIVER);

    /**
     * Whether a call of this primitive with this descriptor can never block: an atomic's, or a try without a timeout
     * (a {@code tryLock(long, TimeUnit)} waits). An unlock may wake a waiter, a system call, and stays timed in full.
     */
    boolean neverBlocks(String descriptor) {
        if (family == Family.ATOMICS) {
            return true;
        }
        return (shape == Shape.TRY || shape == Shape.TRY_STAMP) && !descriptor.contains("Ljava/util/concurrent/TimeUnit;");
    }
}
