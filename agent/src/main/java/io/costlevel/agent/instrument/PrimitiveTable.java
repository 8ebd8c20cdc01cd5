package io.costlevel.agent.instrument;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.costlevel.agent.options.Family;

/**
 * The JDK methods whose call sites are instrumented, looked up by the call instruction's owner and name: the
 * primitives (atomics, locks, parking) and, family COMPOSITES, calls into JDK APIs that synchronize inside, counted
 * as one operation each (CallProbes; the receiver's class decides at run time whether a call through an interface
 * such as {@code Map.put} is counted).
 * A call through a user subclass (owner {@code com/acme/MyCounter extends AtomicLong}) is not matched: the table
 * knows JDK owners only, and resolving hierarchies while classes load would cost more than it finds.
 */
final class PrimitiveTable {
    private static final String ATOMIC = "java/util/concurrent/atomic/";
    private static final String LOCKS = "java/util/concurrent/locks/";

    private static final List<String> ATOMIC_PLAIN = List.of(
            "set", "lazySet", "setPlain", "setOpaque", "setRelease", "getAndSet", "getAndIncrement",
            "getAndDecrement", "getAndAdd", "incrementAndGet", "decrementAndGet", "addAndGet", "getAndUpdate",
            "updateAndGet", "getAndAccumulate", "accumulateAndGet");
    private static final List<String> CAS = List.of(
            "compareAndSet", "weakCompareAndSet", "weakCompareAndSetPlain", "weakCompareAndSetVolatile",
            "weakCompareAndSetAcquire", "weakCompareAndSetRelease", "attemptMark", "attemptStamp");
    private static final List<String> EXCHANGE = List.of(
            "compareAndExchange", "compareAndExchangeAcquire", "compareAndExchangeRelease");
    private static final List<String> VARHANDLE_PLAIN = List.of(
            "getAndSet", "getAndSetAcquire", "getAndSetRelease", "getAndAdd", "getAndAddAcquire", "getAndAddRelease",
            "getAndBitwiseOr", "getAndBitwiseOrAcquire", "getAndBitwiseOrRelease", "getAndBitwiseAnd",
            "getAndBitwiseAndAcquire", "getAndBitwiseAndRelease", "getAndBitwiseXor", "getAndBitwiseXorAcquire",
            "getAndBitwiseXorRelease");
    private static final List<String> LOCK_OWNERS = List.of(
            LOCKS + "Lock", LOCKS + "ReentrantLock", LOCKS + "ReentrantReadWriteLock$ReadLock",
            LOCKS + "ReentrantReadWriteLock$WriteLock");
    private static final List<String> CONDITION_OWNERS = List.of(
            LOCKS + "Condition", LOCKS + "AbstractQueuedSynchronizer$ConditionObject",
            LOCKS + "AbstractQueuedLongSynchronizer$ConditionObject");
    /** Object's final methods, matched whatever class the call names as owner. */
    private static final String OBJECT = "java/lang/Object";

    private final Map<String, Primitive> byOwnerAndName = new HashMap<>();

    PrimitiveTable() {
        for (String owner : List.of("AtomicInteger", "AtomicLong", "AtomicBoolean", "AtomicReference",
                "AtomicMarkableReference", "AtomicStampedReference")) {
            atomics(ATOMIC + owner, ATOMIC_PLAIN, Target.RECEIVER);
        }
        for (String owner : List.of("AtomicIntegerArray", "AtomicLongArray", "AtomicReferenceArray")) {
            atomics(ATOMIC + owner, ATOMIC_PLAIN, Target.RECEIVER_ELEMENT);
        }
        for (String owner : List.of("AtomicIntegerFieldUpdater", "AtomicLongFieldUpdater",
                "AtomicReferenceFieldUpdater")) {
            atomics(ATOMIC + owner, ATOMIC_PLAIN, Target.FIRST_ARGUMENT);
        }
        atomics("java/lang/invoke/VarHandle", VARHANDLE_PLAIN, Target.FIRST_ARGUMENT);
        // Striped: an update writes a cell of the calling thread's own (after a collision the adder moves the
        // thread to another cell), and only reads the adder object. The adder passing between threads says nothing
        // about a line moving, so no handoff is checked on it.
        for (String owner : List.of("LongAdder", "DoubleAdder")) {
            all(ATOMIC + owner, "atomic", Family.ATOMICS, Shape.PLAIN, Target.NONE,
                    List.of("add", "increment", "decrement", "reset", "sumThenReset"));
        }
        for (String owner : List.of("LongAccumulator", "DoubleAccumulator")) {
            all(ATOMIC + owner, "atomic", Family.ATOMICS, Shape.PLAIN, Target.NONE,
                    List.of("accumulate", "reset", "getThenReset"));
        }
        locks();
        parking();
        calls();
    }

    private static final String CONCURRENT = "java/util/concurrent/";
    private static final List<String> MAP_WRITES = List.of(
            "put", "putIfAbsent", "merge", "compute", "computeIfAbsent", "computeIfPresent", "remove", "replace");
    private static final List<String> QUEUE_OPS = List.of(
            "offer", "poll", "put", "take", "add", "remove", "offerFirst", "offerLast", "pollFirst", "pollLast",
            "putFirst", "putLast", "takeFirst", "takeLast", "push", "pop", "addFirst", "addLast", "drainTo",
            "transfer", "tryTransfer");

    /**
     * Queue calls with a timed overload ({@code poll(long, TimeUnit)}), named apart by {@link #TIMED}: the timed poll
     * waits for an item, the untimed one never does (its only blocks are on the queue's lock), and from the agent's
     * inferred parks alone the analyzer can tell a consumer waiting for work from one contending only by this name.
     */
    private static final List<String> TIMED_QUEUE_OPS = List.of("poll", "pollFirst", "pollLast", "offer", "offerFirst",
            "offerLast");
    /** The suffix of a timed queue call's primitive: {@code java.util.concurrent.BlockingQueue.poll(timeout)}. */
    static final String TIMED = "(timeout)";
    private static final String TIME_UNIT = "Ljava/util/concurrent/TimeUnit;";
    /** The timed overloads of {@link #TIMED_QUEUE_OPS}, by owner and name. */
    private final Map<String, Primitive> timed = new HashMap<>();

    /**
     * Calls into the JDK's concurrent code, keyed on the state they move: a map's receiver and key (its bin), a
     * queue, executor, random generator or synchronized legacy object's receiver. Random and the concurrent maps
     * do not block (a ConcurrentHashMap bin's monitor rarely does, and the recording sees it): a long call there is
     * a preemption, not a park, and is not counted as one. Reads that synchronize nothing
     * (ConcurrentHashMap.get) are left out: counted, a lock-free read would look like an atomic. Futures and loggers
     * are timed but never checked for a handoff: the state they contend on (a task's completion, a handler's lock)
     * is not their receiver's line.
     */
    private void calls() {
        for (String owner : List.of("java/util/Map", CONCURRENT + "ConcurrentMap", CONCURRENT + "ConcurrentHashMap",
                CONCURRENT + "ConcurrentSkipListMap", CONCURRENT + "ConcurrentNavigableMap")) {
            call(owner, Shape.CALL, Target.RECEIVER_KEY, MAP_WRITES);
        }
        call("java/util/Random", Shape.CALL, Target.RECEIVER, List.of("nextInt", "nextLong", "nextDouble", "nextFloat",
                "nextBoolean", "nextGaussian", "nextBytes"));
        call("java/util/Hashtable", Target.RECEIVER, List.of("put", "putIfAbsent", "merge", "compute",
                "computeIfAbsent", "computeIfPresent", "remove", "replace", "get", "getOrDefault", "containsKey"));
        call("java/util/Vector", Target.RECEIVER, List.of("add", "addElement", "get", "elementAt", "set", "remove",
                "insertElementAt", "removeElementAt", "firstElement", "lastElement"));
        call("java/lang/StringBuffer", Target.RECEIVER, List.of("append", "insert", "toString", "length", "charAt",
                "setLength", "delete", "deleteCharAt", "reverse"));
        for (String owner : List.of("java/util/Queue", "java/util/Deque", CONCURRENT + "BlockingQueue",
                CONCURRENT + "BlockingDeque", CONCURRENT + "TransferQueue", CONCURRENT + "ArrayBlockingQueue",
                CONCURRENT + "LinkedBlockingQueue", CONCURRENT + "LinkedBlockingDeque",
                CONCURRENT + "LinkedTransferQueue", CONCURRENT + "PriorityBlockingQueue",
                CONCURRENT + "SynchronousQueue", CONCURRENT + "DelayQueue", CONCURRENT + "ConcurrentLinkedQueue",
                CONCURRENT + "ConcurrentLinkedDeque")) {
            call(owner, Target.RECEIVER, QUEUE_OPS);
            for (String name : TIMED_QUEUE_OPS) {
                Primitive untimed = byOwnerAndName.get(owner + "." + name);
                timed.put(owner + "." + name, new Primitive(untimed.name() + TIMED, untimed.kind(), untimed.family(),
                        untimed.shape(), untimed.target()));
            }
        }
        for (String owner : List.of(CONCURRENT + "Executor", CONCURRENT + "ExecutorService",
                CONCURRENT + "ScheduledExecutorService", CONCURRENT + "AbstractExecutorService",
                CONCURRENT + "ThreadPoolExecutor", CONCURRENT + "ScheduledThreadPoolExecutor",
                CONCURRENT + "ForkJoinPool")) {
            // Handing a task over wakes a worker (a system call) but does not wait: no park inferred.
            call(owner, Shape.CALL, Target.RECEIVER, List.of("execute", "submit"));
            call(owner, Target.RECEIVER, List.of("invokeAll", "invokeAny"));
        }
        // A scheduled task is handed over the same way, into the pool's delay queue (whose lock the callers share).
        for (String owner : List.of(CONCURRENT + "ScheduledExecutorService", CONCURRENT + "ScheduledThreadPoolExecutor")) {
            call(owner, Shape.CALL, Target.RECEIVER, List.of("schedule", "scheduleAtFixedRate", "scheduleWithFixedDelay"));
        }
        // Synchronizers that make threads meet: each call CASes the synchronizer's state word (the line that moves
        // between the cores), and a waiting one spins, then parks. A Phaser step at 2 threads on 2 cores: 72-200 ns per
        // op natively, 10 at one thread, nearly never parked; a CyclicBarrier's: 20-29 us, parked every time.
        call(CONCURRENT + "Phaser", Target.RECEIVER, List.of("arriveAndAwaitAdvance", "awaitAdvance",
                "awaitAdvanceInterruptibly", "register", "bulkRegister"));
        call(CONCURRENT + "CyclicBarrier", Target.RECEIVER, List.of("await"));
        call(CONCURRENT + "Exchanger", Target.RECEIVER, List.of("exchange"));
        call(CONCURRENT + "CountDownLatch", Target.RECEIVER, List.of("await"));
        // Arriving without waiting CASes the state word and unparks any waiter, never parks: a long one was preempted.
        // Inferred as a park, a worker's one countDown at its end, timed and preempted for 2.6 ms on a loaded CI
        // machine, read L4 with 64 parks per op and made a diff of two identical runs report a change (2026-12-06).
        call(CONCURRENT + "Phaser", Shape.CALL, Target.RECEIVER, List.of("arrive", "arriveAndDeregister"));
        call(CONCURRENT + "CountDownLatch", Shape.CALL, Target.RECEIVER, List.of("countDown"));
        for (String owner : List.of(CONCURRENT + "Future", CONCURRENT + "FutureTask",
                CONCURRENT + "CompletableFuture", CONCURRENT + "ForkJoinTask", CONCURRENT + "ScheduledFuture",
                CONCURRENT + "RunnableFuture", CONCURRENT + "RunnableScheduledFuture")) {
            call(owner, Target.NONE, List.of("get", "join"));
        }
        // Static: the JVM's one SecureRandom, whose synchronized methods mix each draw (its class stands for it).
        call("java/util/UUID", Target.RECEIVER, List.of("randomUUID"));
        call("java/util/logging/Logger", Target.NONE, List.of("log", "logp", "logrb", "severe", "warning", "info",
                "config", "fine", "finer", "finest", "entering", "exiting"));
    }

    /** A call that may block inside: a sampled one that lasted a context switch is counted as a park. */
    private void call(String owner, Target target, List<String> names) {
        call(owner, Shape.CALL_BLOCKING, target, names);
    }

    private void call(String owner, Shape shape, Target target, List<String> names) {
        all(owner, "call", Family.COMPOSITES, shape, target, names);
    }

    private void atomics(String owner, List<String> plain, Target target) {
        all(owner, "atomic", Family.ATOMICS, Shape.PLAIN, target, plain);
        all(owner, "atomic", Family.ATOMICS, Shape.CAS, target, CAS);
        all(owner, "atomic", Family.ATOMICS, Shape.EXCHANGE, target, EXCHANGE);
    }

    private void locks() {
        for (String owner : LOCK_OWNERS) {
            all(owner, "lock", Family.LOCKS, Shape.REPLACE, Target.RECEIVER, List.of("lock", "lockInterruptibly"));
            all(owner, "lock", Family.LOCKS, Shape.TRY, Target.RECEIVER, List.of("tryLock"));
            all(owner, "lock", Family.LOCKS, Shape.PLAIN, Target.RECEIVER, List.of("unlock"));
        }
        String stamped = LOCKS + "StampedLock";
        all(stamped, "lock", Family.LOCKS, Shape.REPLACE, Target.RECEIVER,
                List.of("writeLock", "readLock", "writeLockInterruptibly", "readLockInterruptibly"));
        // Not tryOptimisticRead and validate: an optimistic read is plain loads (a read and validate of two fields, two
        // threads on 2 cores: 0.8 ns natively, 8 ns counted, 2026-12-05), so counting it would make an L0 read path ten
        // times slower and read as L1. A read that fails its validation falls back to a lock, which is counted.
        all(stamped, "lock", Family.LOCKS, Shape.TRY_STAMP, Target.RECEIVER, List.of("tryWriteLock", "tryReadLock",
                "tryConvertToWriteLock", "tryConvertToReadLock", "tryConvertToOptimisticRead"));
        all(stamped, "lock", Family.LOCKS, Shape.PLAIN, Target.RECEIVER,
                List.of("unlockWrite", "unlockRead", "unlock", "tryUnlockWrite", "tryUnlockRead"));
        String semaphore = "java/util/concurrent/Semaphore";
        all(semaphore, "lock", Family.LOCKS, Shape.REPLACE, Target.RECEIVER,
                List.of("acquire", "acquireUninterruptibly"));
        all(semaphore, "lock", Family.LOCKS, Shape.TRY, Target.RECEIVER, List.of("tryAcquire"));
        all(semaphore, "lock", Family.LOCKS, Shape.WAKEUP, Target.RECEIVER, List.of("release"));
        for (String owner : CONDITION_OWNERS) {
            all(owner, "condition", Family.LOCKS, Shape.PARK, Target.RECEIVER,
                    List.of("await", "awaitNanos", "awaitUninterruptibly", "awaitUntil"));
            all(owner, "condition", Family.LOCKS, Shape.WAKEUP, Target.RECEIVER, List.of("signal", "signalAll"));
        }
    }

    private void parking() {
        String lockSupport = LOCKS + "LockSupport";
        all(lockSupport, "park", Family.PARKING, Shape.PARK, Target.FIRST_ARGUMENT,
                List.of("park", "parkNanos", "parkUntil"));
        all(lockSupport, "park", Family.PARKING, Shape.WAKEUP, Target.FIRST_ARGUMENT, List.of("unpark"));
        all(OBJECT, "wait", Family.PARKING, Shape.WAIT, Target.RECEIVER, List.of("wait"));
        all(OBJECT, "wait", Family.PARKING, Shape.WAKEUP, Target.RECEIVER, List.of("notify", "notifyAll"));
        String thread = "java/lang/Thread";
        all(thread, "sleep", Family.PARKING, Shape.SLEEP, Target.NONE, List.of("sleep"));
        all(thread, "yield", Family.PARKING, Shape.YIELD, Target.NONE, List.of("yield"));
        all(thread, "spin", Family.PARKING, Shape.SPIN, Target.NONE, List.of("onSpinWait"));
        all(thread, "join", Family.PARKING, Shape.WAIT, Target.RECEIVER, List.of("join"));
    }

    private void all(String owner, String kind, Family family, Shape shape, Target target, List<String> names) {
        for (String name : names) {
            String primitive = owner.replace('/', '.') + "." + name;
            byOwnerAndName.put(owner + "." + name, new Primitive(primitive, kind, family, shape, target));
        }
    }

    /**
     * The primitive a call instruction invokes, or null. {@code wait}/{@code notify}/{@code notifyAll} are final in
     * Object, so they are found whatever owner the call names.
     */
    Primitive find(String owner, String name, String descriptor) {
        Primitive primitive = descriptor.contains(TIME_UNIT) ? timed.get(owner + "." + name) : null;
        if (primitive == null) {
            primitive = byOwnerAndName.get(owner + "." + name);
        }
        if (primitive == null && isObjectMonitorMethod(name, descriptor)) {
            primitive = byOwnerAndName.get(OBJECT + "." + name);
        }
        return primitive;
    }

    private static boolean isObjectMonitorMethod(String name, String descriptor) {
        switch (name) {
            case "wait":
                return descriptor.equals("()V") || descriptor.equals("(J)V") || descriptor.equals("(JI)V");
            case "notify":
            case "notifyAll":
                return descriptor.equals("()V");
            default:
                return false;
        }
    }
}
