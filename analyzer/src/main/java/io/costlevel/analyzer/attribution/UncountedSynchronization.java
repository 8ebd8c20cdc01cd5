package io.costlevel.analyzer.attribution;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Frames of the JDK where a thread synchronizes: atomics, locks, parking, the concurrent collections' writes, the
 * synchronized legacy classes, java.util.logging's handlers. A CPU sample whose stack runs through one of them above
 * the application frame ran inside synchronization; if the agent counted nothing at that line (the code was not
 * instrumented: JDK-internal, or a library left out by {@code instrument} or {@code exclude}), the line's silence is
 * not evidence of plain code.
 */
public final class UncountedSynchronization {
    /** Qualified method-name prefixes ({@code class.method}). */
    static final List<String> FRAMES = List.of(
            "java.util.concurrent.atomic.", "java.util.concurrent.locks.",
            "java.util.concurrent.ConcurrentHashMap.putVal", "java.util.concurrent.ConcurrentHashMap.merge",
            "java.util.concurrent.ConcurrentHashMap.compute", "java.util.concurrent.ConcurrentHashMap.replaceNode",
            "java.util.concurrent.ConcurrentHashMap.addCount", "java.util.concurrent.ConcurrentHashMap.transfer",
            "java.util.concurrent.ConcurrentLinkedQueue.", "java.util.concurrent.ConcurrentLinkedDeque.",
            "java.util.concurrent.ArrayBlockingQueue.", "java.util.concurrent.LinkedBlockingQueue.",
            "java.util.concurrent.LinkedBlockingDeque.", "java.util.concurrent.LinkedTransferQueue.",
            "java.util.concurrent.SynchronousQueue.", "java.util.concurrent.PriorityBlockingQueue.",
            "java.util.concurrent.FutureTask.", "java.util.concurrent.CompletableFuture.",
            "java.util.concurrent.ThreadPoolExecutor.", "java.util.concurrent.ForkJoinPool.",
            "java.util.concurrent.Semaphore.", "java.util.concurrent.CountDownLatch.", "java.util.concurrent.Phaser.",
            "java.util.concurrent.CyclicBarrier.", "java.util.concurrent.Exchanger.",
            "java.util.Hashtable.", "java.util.Vector.", "java.lang.StringBuffer.",
            // Copy-on-write writes copy under a lock; their reads are plain.
            "java.util.concurrent.CopyOnWriteArrayList.add", "java.util.concurrent.CopyOnWriteArrayList.remove",
            "java.util.concurrent.CopyOnWriteArrayList.set", "java.util.concurrent.CopyOnWriteArrayList.clear",
            "java.util.concurrent.CopyOnWriteArrayList.replaceAll", "java.util.concurrent.CopyOnWriteArrayList.retainAll",
            "java.util.concurrent.CopyOnWriteArrayList.sort", "java.util.concurrent.CopyOnWriteArraySet.add",
            "java.util.concurrent.CopyOnWriteArraySet.remove", "java.util.concurrent.CopyOnWriteArraySet.clear",
            "java.util.concurrent.CopyOnWriteArraySet.retainAll",
            "java.util.Collections$Synchronized", "java.util.logging.StreamHandler.", "java.util.logging.ConsoleHandler.",
            "java.util.logging.FileHandler.", "jdk.internal.misc.Unsafe.compareAndSet",
            "jdk.internal.misc.Unsafe.compareAndExchange", "jdk.internal.misc.Unsafe.weakCompareAndSet",
            "jdk.internal.misc.Unsafe.getAndAdd", "jdk.internal.misc.Unsafe.getAndSet", "jdk.internal.misc.Unsafe.park",
            "sun.misc.Unsafe.compareAndSwap", "sun.misc.Unsafe.getAndAdd",
            "java.lang.Object.wait", "java.lang.Thread.onSpinWait", "java.lang.Thread.yield");
    /**
     * Whole method names: {@code Random.next} CASes the seed, while {@code Random.nextInt} also runs for a
     * ThreadLocalRandom, whose {@code next} is its own. VarHandle frames are not listed: their generic invokers
     * ({@code VarHandleGuards.guard_L_I}) run plain and opaque reads as well as CAS, and say not which.
     */
    static final java.util.Set<String> METHODS = java.util.Set.of("java.util.Random.next");
    /**
     * Methods of the atomics and locks that only read, or store without a fence: an {@code AtomicReference.get} is a
     * plain load on x86, a {@code lazySet} a plain store, a {@code StampedLock} optimistic read two loads. A line that
     * samples inside them reads a configuration or a counter's total, which is Level 0 (a line another thread writes
     * often shows at the writer's counted site); names checked in the atomic and lock packages only.
     */
    static final java.util.Set<String> READS = java.util.Set.of("get", "getPlain", "getOpaque", "getAcquire",
            "intValue", "longValue", "doubleValue", "floatValue", "toString", "sum", "length", "getReference",
            "getStamp", "isMarked", "lazySet", "setPlain", "setOpaque", "setRelease", "tryOptimisticRead", "validate",
            "isLocked", "isWriteLocked", "isReadLocked", "isHeldByCurrentThread", "isWriteLockedByCurrentThread",
            "getHoldCount", "getReadLockCount", "getWriteHoldCount", "getReadHoldCount", "getState",
            "hasQueuedThreads", "getQueueLength");
    private static final String[] READ_PACKAGES = {"java.util.concurrent.atomic.", "java.util.concurrent.locks."};

    /**
     * HotSpot's slow path of {@code monitorenter} (native frames, as async-profiler records them), taken when the
     * compiled fast path could not lock the monitor: another thread held it, and this one spins on its word, then
     * parks. A {@code synchronized} method or block in code the agent did not instrument leaves no other trace in a
     * stack: {@code UUID.randomUUID()} at two threads on 2 cores (2026-12-06) cost 453 ns per call natively against
     * 159 at one thread, its samples spinning in {@code ObjectMonitor::enter} under the JDK's synchronized
     * {@code SecureRandom.engineNextBytes}, and the line read "L0, no synchronization counted". JDK 17's names and
     * JDK 21+'s lightweight locking's.
     */
    static final List<String> CONTENDED_MONITOR_FRAMES = List.of(".ObjectMonitor::enter", ".ObjectMonitor::EnterI",
            ".ObjectMonitor::spin_enter", ".ObjectMonitor::try_spin", ".ObjectSynchronizer::enter",
            ".LightweightSynchronizer::enter", ".SharedRuntime::complete_monitor_locking", "._complete_monitor_locking_Java",
            ".InterpreterRuntime::monitorenter", ".Runtime1::monitorenter");
    /** What a frame that entered a contended monitor is named with among a line's synchronizing frames. */
    static final String CONTENDED_MONITOR = " (a contended monitor)";

    /** Below this share of a line's CPU samples, synchronization frames are incidental. */
    static final double MIN_SHARE = 0.1;
    /** ... and below this many samples, noise. */
    static final long MIN_SAMPLES = 3;

    private UncountedSynchronization() {}

    /** True when this frame ({@code class.method}) synchronizes. */
    static boolean synchronizes(String qualifiedName) {
        if (METHODS.contains(qualifiedName)) {
            return true;
        }
        if (onlyReads(qualifiedName) || qualifiedName.endsWith(".<init>") || qualifiedName.endsWith(".<clinit>")) {
            // A constructor takes no lock: a new StringBuffer allocates its array, nothing else.
            return false;
        }
        for (String prefix : FRAMES) {
            if (qualifiedName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** True when this frame is HotSpot entering a monitor another thread holds ({@link #CONTENDED_MONITOR_FRAMES}). */
    static boolean entersContendedMonitor(String qualifiedName) {
        for (String frame : CONTENDED_MONITOR_FRAMES) {
            if (qualifiedName.startsWith(frame)) {
                return true;
            }
        }
        return false;
    }

    /** Of a line's CPU samples inside uncounted synchronization, those entering a contended monitor. */
    public static long contendedMonitorSamples(SiteTally t) {
        return t.syncFrames().entrySet().stream().filter(e -> e.getKey().endsWith(CONTENDED_MONITOR))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static boolean onlyReads(String qualifiedName) {
        int dot = qualifiedName.lastIndexOf('.');
        if (dot < 0 || !READS.contains(qualifiedName.substring(dot + 1))) {
            return false;
        }
        for (String pkg : READ_PACKAGES) {
            if (qualifiedName.startsWith(pkg)) {
                return true;
            }
        }
        return false;
    }

    /** The line's CPU samples ran inside synchronization that the agent did not count there. */
    public static boolean significant(SiteTally t) {
        boolean counted = t.agent() != null && t.agent().ops() > 0;
        long inside = t.syncCpuSamples() - confinedSamples(t);
        return !counted && inside >= MIN_SAMPLES && inside >= MIN_SHARE * t.cpuSamples();
    }

    /**
     * Samples in the frames of a class whose calls at this line the agent left uninstrumented as confined to their
     * method (a method-local StringBuffer): the agent looked, and there is no lock to count there.
     */
    static long confinedSamples(SiteTally t) {
        java.util.Set<String> classes = t.confinedClasses();
        if (classes.isEmpty()) {
            return 0;
        }
        long samples = 0;
        for (Map.Entry<String, Long> frame : t.syncFrames().entrySet()) {
            int dot = frame.getKey().lastIndexOf('.');
            if (dot > 0 && classes.contains(frame.getKey().substring(0, dot))) {
                samples += frame.getValue();
            }
        }
        return samples;
    }

    /** The frames the samples ran in, most samples first, for a reason or a blind spot. */
    public static String frames(SiteTally t) {
        return t.syncFrames().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(3)
                .map(Map.Entry::getKey)
                .collect(Collectors.joining(", "));
    }

    /** One blind spot per line whose CPU samples ran inside synchronization the agent did not count. */
    public static List<String> blindSpots(List<SiteTally> tallies) {
        return tallies.stream()
                .filter(UncountedSynchronization::significant)
                .sorted((a, b) -> Long.compare(b.syncCpuSamples(), a.syncCpuSamples()))
                .map(t -> String.format("%s: %d of its %d CPU samples ran inside %s, which the agent did not count "
                        + "(JDK-internal code it does not see, or a library left out by instrument/exclude): its tier "
                        + "is a lower bound", t.site(), t.syncCpuSamples(), t.cpuSamples(), frames(t)))
                .toList();
    }
}
