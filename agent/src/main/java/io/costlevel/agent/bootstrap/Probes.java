package io.costlevel.agent.bootstrap;

/**
 * What instrumented call sites call around the original JDK call, which stays in place unchanged:
 * <pre>
 *   h = Probes.before(target, site);  original call;  Probes.after...(result?, h, site)
 * </pre>
 * Every method is small, static and branch-light so the JIT inlines it into the caller. Unsampled cost: one
 * lookup of the thread's counters by thread id, two plain increments of the thread's own memory, a few predictable
 * branches; once in at most {@link ThreadCounters#MAX_OPS_BETWEEN_CALLS} operations, one call that is never inlined,
 * so that a loop around the operation still reaches safepoints (see {@link ThreadCounters#due}). Each side of a probe
 * compiles to at most one call, however many rare paths lie behind it ({@link ThreadCounters#beforeSlowly}).
 * An operation that throws is not counted ({@code ops} are operations that returned).
 */
public final class Probes {
    private Probes() {}

    /** Before an operation on {@code target} (the receiver, the field updater's object, or null). */
    public static ThreadCounters before(Object target, int site) {
        return beforeElement(target, 0, site);
    }

    /**
     * Before an operation on one element of an array ({@code AtomicLongArray}, an array VarHandle): {@code block}
     * is the element's 64-byte block in the array (index shifted by the element size), so two threads working on
     * elements a cache line apart are not taken for a line moving between them.
     */
    public static ThreadCounters beforeElement(Object target, int block, int site) {
        ThreadCounters counters = ThreadCounters.known();
        if (counters == null || counters.isDue()) {
            return ThreadCounters.beforeSlowly(counters, target, block, site);
        }
        return counters;
    }

    /** Before a call that blocks (park, await, wait, sleep, join): every one is timed, it costs microseconds anyway. */
    public static ThreadCounters beforeBlocking(Object target, int site) {
        ThreadCounters counters = before(target, site);
        counters.startBlocking();
        return counters;
    }

    public static void after(ThreadCounters counters, int site) {
        counters.completed(site);
    }

    /** After a call counted in one more column: wake-ups (unpark, notify, signal, release) and yields. */
    public static void afterCounted(ThreadCounters counters, int site, int column) {
        counters.completed(site);
        counters.addCounted(site, column, 1);
    }

    /** After a blocking call: one more in {@code column}, its time in {@code column + 1}. */
    public static void afterBlocking(ThreadCounters counters, int site, int column) {
        counters.blocked(site, column);
        counters.completed(site);
    }

    public static void afterSpin(ThreadCounters counters, int site) {
        counters.completed(site);
        counters.spun(site);
    }

    /** After compareAndSet and its weak forms: the result says whether the CAS failed. */
    public static void afterCas(boolean succeeded, ThreadCounters counters, int site) {
        counters.completed(site);
        counters.addCounted(site, Evidence.CAS_ATTEMPTS, 1);
        if (!succeeded) {
            counters.addCounted(site, Evidence.CAS_FAILURES, 1);
        }
    }

    /** After compareAndExchange: it failed when the witness is not the expected value. */
    public static void afterExchange(int witness, int expected, ThreadCounters counters, int site) {
        afterCas(witness == expected, counters, site);
    }

    public static void afterExchange(long witness, long expected, ThreadCounters counters, int site) {
        afterCas(witness == expected, counters, site);
    }

    public static void afterExchange(Object witness, Object expected, ThreadCounters counters, int site) {
        afterCas(witness == expected, counters, site);
    }

    /** Floating point VarHandles compare bitwise (their javadoc), so the witness is compared the same way. */
    public static void afterExchange(float witness, float expected, ThreadCounters counters, int site) {
        afterCas(Float.floatToRawIntBits(witness) == Float.floatToRawIntBits(expected), counters, site);
    }

    public static void afterExchange(double witness, double expected, ThreadCounters counters, int site) {
        afterCas(Double.doubleToRawLongBits(witness) == Double.doubleToRawLongBits(expected), counters, site);
    }

    /** After tryLock/tryAcquire/validate: false means the lock was not free (or the optimistic read was broken). */
    public static void afterTry(boolean acquired, ThreadCounters counters, int site) {
        counters.completed(site);
        if (!acquired) {
            counters.addCounted(site, Evidence.CONTENDED, 1);
        }
    }

    /** After StampedLock's try* methods, which return stamp 0 when the lock was not available. */
    public static void afterTryStamp(long stamp, ThreadCounters counters, int site) {
        afterTry(stamp != 0L, counters, site);
    }

    /**
     * Before {@code monitorenter}, which stays in place right before the protected range, so the only code between
     * the lock and its exception handler is the JVM's own (C1/C2 refuse methods whose monitors may not be released).
     * The op is counted here: a monitorenter on a non-null object always completes. Returns the start of a sampled
     * timing, or 0.
     */
    public static long beforeMonitor(Object lock, int site) {
        return ThreadCounters.startedMonitor(lock, site, true);
    }

    /** First thing inside the protected range after {@code monitorenter}: closes a sampled timing. */
    public static void afterMonitor(long start, int site) {
        if (start != 0L) {
            ThreadCounters.closeMonitorTiming(site, start);
        }
    }

    /** At the entry of a synchronized method, where the monitor is already held: counted, never timed. */
    public static void synchronizedMethod(Object lock, int site) {
        ThreadCounters.startedMonitor(lock, site, false);
    }
}
