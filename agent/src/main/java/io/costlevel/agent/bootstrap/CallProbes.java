package io.costlevel.agent.bootstrap;

import java.util.Hashtable;
import java.util.Random;
import java.util.Vector;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Exchanger;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.Phaser;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;

/**
 * Probes of calls into the JDK's concurrent and synchronized APIs, each counted as one operation at the calling
 * line (the JDK's own code is not instrumented): ops, a sampled latency, a sampled handoff check on the state the
 * call really moves (the receiver, or a concurrent map's receiver and key), and, for calls that may block, parks
 * inferred from sampled calls that lasted a context switch ({@link ThreadCounters#completedCall}).
 *
 * <p>The call instruction names a static type, often an interface ({@code Map.put}, {@code Queue.offer},
 * {@code Random.nextInt} on a ThreadLocalRandom): the receiver's class decides at run time whether the call
 * synchronizes, through a {@link ClassValue} (one lookup, no lock). A call that does not (a HashMap, an ArrayDeque)
 * is not counted: {@code before} returns null and {@code after} does nothing.
 */
public final class CallProbes {
    /**
     * Whether calls on instances of a class are counted here. JDK classes only: a library's own is instrumented
     * itself, and so are the JDK's {@code Collections.synchronized*} wrappers (their monitors, reads included) and its
     * {@code CopyOnWriteArrayList} (its writes' lock).
     */
    private static final ClassValue<Boolean> SYNCHRONIZES = new ClassValue<Boolean>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return synchronizes(type);
        }
    };

    private CallProbes() {}

    static boolean synchronizes(Class<?> type) {
        if (type == Class.class) {
            // The receiver of a static call the table counts (UUID.randomUUID) is its class: no instance method of
            // Class is in the table, so a Class receiver is always such a call.
            return true;
        }
        if (type.getClassLoader() != null || type == ThreadLocalRandom.class) {
            return false;
        }
        return Random.class.isAssignableFrom(type) || ConcurrentMap.class.isAssignableFrom(type)
                || Hashtable.class.isAssignableFrom(type) || Vector.class.isAssignableFrom(type)
                || BlockingQueue.class.isAssignableFrom(type) || ConcurrentLinkedQueue.class.isAssignableFrom(type)
                || ConcurrentLinkedDeque.class.isAssignableFrom(type)
                || Executor.class.isAssignableFrom(type) || Future.class.isAssignableFrom(type)
                || Logger.class.isAssignableFrom(type) || type == StringBuffer.class
                || Phaser.class.isAssignableFrom(type) || CyclicBarrier.class.isAssignableFrom(type)
                || Exchanger.class.isAssignableFrom(type) || CountDownLatch.class.isAssignableFrom(type);
    }

    /** Before a call whose shared state is its receiver. */
    public static ThreadCounters before(Object receiver, int site) {
        return beforeOn(receiver, receiver, null, site);
    }

    /** Before a call whose shared state is not the receiver's line (Future.get, Logger.log): no handoff check. */
    public static ThreadCounters beforeUnchecked(Object receiver, int site) {
        return beforeOn(receiver, null, null, site);
    }

    /**
     * Before a keyed map call: the state that moves is the key's bin, so the handoff check is on the map and the
     * key's hash (a hot key is one line, spread keys are many). The key's hash is taken only when the probe calls
     * {@link ThreadCounters#due} (at most 1 in {@link ThreadCounters#MAX_OPS_BETWEEN_CALLS} calls); the map
     * computes it anyway.
     */
    public static ThreadCounters beforeKeyed(Object map, Object key, int site) {
        return beforeOn(map, map, key, site);
    }

    /**
     * {@link #before} at a call whose instruction names a class whose calls are counted ({@code exact}: Random,
     * ConcurrentHashMap, ArrayBlockingQueue, Logger), loaded by the instrumented code as a constant: see
     * {@link #beforeExactOn}.
     */
    public static ThreadCounters beforeExact(Object receiver, Class<?> exact, int site) {
        return beforeExactOn(receiver, receiver, null, exact, site);
    }

    /** {@link #beforeUnchecked} at a call naming a counted class. */
    public static ThreadCounters beforeExactUnchecked(Object receiver, Class<?> exact, int site) {
        return beforeExactOn(receiver, null, null, exact, site);
    }

    /** {@link #beforeKeyed} at a call naming a counted class. */
    public static ThreadCounters beforeExactKeyed(Object map, Object key, Class<?> exact, int site) {
        return beforeExactOn(map, map, key, exact, site);
    }

    /**
     * The inlined part where the call names a counted class: one compare of the receiver's class with the constant
     * (its class word with an immediate). Any other receiver (a subclass: SecureRandom behind a call naming Random)
     * takes the out-of-line call, which asks the thread's class cache; such sites are rare, so C2, which profiles
     * this method once for all the sites it is inlined at, compiles that branch as a trap and the probe adds no
     * merge for it. About 2 ns less per call than the class cache on a 2-vCPU EPYC guest (docs/overhead.md).
     */
    private static ThreadCounters beforeExactOn(Object receiver, Object target, Object key, Class<?> exact, int site) {
        ThreadCounters counters = ThreadCounters.known();
        if (counters != null && receiver != null && receiver.getClass() == exact && !counters.isDue()) {
            return counters;
        }
        return beforeSlowly(counters, receiver, target, key, site);
    }

    /**
     * The inlined part where the call names an interface (Map.put, Queue.offer) or a class whose calls are not all
     * counted: whether calls on the receiver's class are counted, from the thread's own small cache of the class
     * last seen at this site's slot (one load and compare: {@link ClassValue#get} costs hundreds of ns where other
     * ClassValues of the same class compete for its cache slots, measured under JMH, issue 11, and a site sees one
     * class nearly always). A call not counted (a HashMap behind {@code Map.put}) only advances the tick.
     * Everything else (a class not in the cache, a due operation, the thread's first count) is one out-of-line call.
     */
    private static ThreadCounters beforeOn(Object receiver, Object target, Object key, int site) {
        ThreadCounters counters = ThreadCounters.known();
        int slot = site & (ThreadCounters.CLASS_SLOTS - 1);
        if (counters != null && receiver != null && counters.knownClasses[slot] == receiver.getClass()
                && !counters.isDue()) {
            if (counters.knownVerdicts[slot]) {
                return counters;
            }
            counters.tick++;
            return null;
        }
        return beforeSlowly(counters, receiver, target, key, site);
    }

    /**
     * The rare paths of {@link #beforeOn} behind one call (see {@link ThreadCounters#beforeSlowly} for why one):
     * {@link ClassValue#get}, whose fast path inlined at every probed call was a few dozen compiler nodes each (its
     * call count sums every site of the program, class loading included, so C2 took it for hot), the sample, the
     * thread's first count.
     */
    @OutOfLine
    static ThreadCounters beforeSlowly(ThreadCounters known, Object receiver, Object target, Object key, int site) {
        ThreadCounters counters = known != null ? known : ThreadCounters.registered();
        if (receiver == null || !counts(counters, receiver.getClass(), site)) {
            counters.uncounted();
            return null;
        }
        if (counters.isDue()) {
            counters.timedCallNeverBlocks = neverBlocks(receiver);
            counters.dueTimed(target, keyBlock(receiver, key), site);
        }
        return counters;
    }

    /**
     * Whether calls on this receiver never block: a lock-free queue's (a Guava cache's recency queue behind a call
     * naming {@code Queue.poll}). A sampled call on it that lasted a context switch was preempted, not parked, and
     * stands for hundreds of calls: inferred as parks, one preemption on a busy machine read a Guava cache read L4,
     * 3,264 "parks" of 6.9 ms (2026-12-06). Asked on sampled calls only.
     */
    static boolean neverBlocks(Object receiver) {
        return receiver instanceof ConcurrentLinkedQueue || receiver instanceof ConcurrentLinkedDeque;
    }

    private static boolean counts(ThreadCounters counters, Class<?> type, int site) {
        int slot = site & (ThreadCounters.CLASS_SLOTS - 1);
        if (counters.knownClasses[slot] == type) {
            return counters.knownVerdicts[slot];
        }
        boolean verdict = SYNCHRONIZES.get(type);
        counters.knownClasses[slot] = type;
        counters.knownVerdicts[slot] = verdict;
        return verdict;
    }

    /**
     * The key's bin, for the handoff check: in a concurrent map keys of one bin meet, others do not. A map behind one
     * lock (a Hashtable) moves that lock's line on every call whatever the key: checked
     * on the receiver alone (a synchronized map written by two threads with 4096 keys measured 0.0 % handoffs keyed
     * on bins, and L1, where natively each write cost 93-189 ns against 17 at one thread).
     */
    static int keyBlock(Object map, Object key) {
        return map instanceof ConcurrentMap && key != null ? spread(key.hashCode()) : 0;
    }

    /** ConcurrentHashMap's own spreading of a hash: keys of one bin meet, others do not. */
    private static int spread(int hash) {
        return (hash ^ (hash >>> 16)) & 0x7fffffff;
    }

    /** After a call that does not block (Random, a concurrent map). */
    public static void after(ThreadCounters counters, int site) {
        if (counters != null) {
            counters.completedCall(site, false);
        }
    }

    /** After a call that may block inside (a monitor, a queue's lock, a future): long sampled calls are parks. */
    public static void afterBlocking(ThreadCounters counters, int site) {
        if (counters != null) {
            counters.completedCall(site, true);
        }
    }

    /** Whether calls on instances of this class are counted (for tests and the docs' table). */
    public static boolean counts(Class<?> type) {
        return SYNCHRONIZES.get(type);
    }
}
