package io.costlevel.stressapp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;

/**
 * Many threads (64 by default) hammering one call site of every kind the agent counts, for a given time, then
 * printing how many times each thread passed each site ({@code SITE method primitive count}), counted in plain
 * per-thread fields that the agent does not touch. StressIT runs it under the agent and compares: the agent's
 * {@code ops} must equal these counts exactly, and the run must end (no deadlock between the application's locks
 * and the agent's snapshots). Each {@link Op} is one method with one counted call, so a site is found by method
 * name and primitive.
 *
 * <p>Run: {@code java -javaagent:costlevel-agent.jar=include=io.costlevel.stressapp. -cp test-classes
 * io.costlevel.stressapp.StressApp SECONDS [THREADS]}
 */
public final class StressApp {
    /** The sites, with the JDK method the agent names as their primitive. */
    public enum Op {
        MONITOR("monitor", "monitorenter"),
        LOCK("reentrantLock", "java.util.concurrent.locks.ReentrantLock.lock"),
        UNLOCK("reentrantUnlock", "java.util.concurrent.locks.ReentrantLock.unlock"),
        READ_LOCK("readLock", "java.util.concurrent.locks.ReentrantReadWriteLock$ReadLock.lock"),
        WRITE_LOCK("writeLock", "java.util.concurrent.locks.ReentrantReadWriteLock$WriteLock.lock"),
        STAMPED_WRITE("stampedWrite", "java.util.concurrent.locks.StampedLock.writeLock"),
        STAMPED_READ("stampedRead", "java.util.concurrent.locks.StampedLock.readLock"),
        SEMAPHORE("semaphore", "java.util.concurrent.Semaphore.acquire"),
        CONDITION_AWAIT("conditionAwait", "java.util.concurrent.locks.Condition.awaitNanos"),
        CONDITION_SIGNAL("conditionSignal", "java.util.concurrent.locks.Condition.signal"),
        ATOMIC_INCREMENT("atomicIncrement", "java.util.concurrent.atomic.AtomicLong.incrementAndGet"),
        ATOMIC_CAS("atomicCas", "java.util.concurrent.atomic.AtomicLong.compareAndSet"),
        FIELD_UPDATER("fieldUpdater", "java.util.concurrent.atomic.AtomicIntegerFieldUpdater.incrementAndGet"),
        VARHANDLE_CAS("varHandleCas", "java.lang.invoke.VarHandle.compareAndSet"),
        LONG_ADDER("longAdder", "java.util.concurrent.atomic.LongAdder.increment"),
        PARK("park", "java.util.concurrent.locks.LockSupport.park"),
        UNPARK("unpark", "java.util.concurrent.locks.LockSupport.unpark"),
        WAIT("waitOnce", "java.lang.Object.wait"),
        NOTIFY("notifyOne", "java.lang.Object.notify"),
        YIELD("yieldOnce", "java.lang.Thread.yield"),
        SLEEP("sleepZero", "java.lang.Thread.sleep"),
        SPIN("spinWait", "java.lang.Thread.onSpinWait");

        public final String method;
        public final String primitive;

        Op(String method, String primitive) {
            this.method = method;
            this.primitive = primitive;
        }
    }

    private static final Object MONITOR = new Object();
    private static final Object WAITER = new Object();
    private static final ReentrantLock LOCK = new ReentrantLock();
    private static final Condition CONDITION = LOCK.newCondition();
    private static final ReentrantReadWriteLock RW = new ReentrantReadWriteLock();
    private static final ReentrantReadWriteLock.ReadLock READ = RW.readLock();
    private static final ReentrantReadWriteLock.WriteLock WRITE = RW.writeLock();
    private static final StampedLock STAMPED = new StampedLock();
    private static final Semaphore SEMAPHORE = new Semaphore(4);
    private static final AtomicLong ATOMIC = new AtomicLong();
    private static final LongAdder ADDER = new LongAdder();
    private static final AtomicIntegerFieldUpdater<StressApp> UPDATER =
            AtomicIntegerFieldUpdater.newUpdater(StressApp.class, "updated");
    private static final VarHandle VALUE;
    private static final StressApp SHARED = new StressApp();

    static {
        try {
            VALUE = MethodHandles.lookup().findVarHandle(StressApp.class, "value", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile int updated;
    private volatile int value;
    private static long guarded;

    public static void main(String[] args) throws InterruptedException {
        long seconds = Long.parseLong(args[0]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long[][] perThread = new long[threads][];
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            long[] counts = new long[Op.values().length];
            perThread[t] = counts;
            workers[t] = new Thread(() -> hammer(counts, deadline), "stress-" + t);
            workers[t].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        for (Op op : Op.values()) {
            long total = 0;
            for (long[] counts : perThread) {
                total += counts[op.ordinal()];
            }
            System.out.println("SITE " + op.method + " " + op.primitive + " " + total);
        }
    }

    /** One pass over every site per round; each op counts itself only once its call has returned. */
    private static void hammer(long[] n, long deadline) {
        try {
            while (System.nanoTime() < deadline) {
                monitor(n);
                reentrantLock(n);
                readLock(n);
                writeLock(n);
                stampedWrite(n);
                stampedRead(n);
                semaphore(n);
                conditionAwait(n);
                conditionSignal(n);
                atomicIncrement(n);
                atomicCas(n);
                fieldUpdater(n);
                varHandleCas(n);
                longAdder(n);
                unpark(n);
                park(n);
                notifyOne(n);
                waitOnce(n);
                yieldOnce(n);
                sleepZero(n);
                spinWait(n);
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException("nobody interrupts the stress threads", e);
        }
    }

    private static void monitor(long[] n) {
        synchronized (MONITOR) {
            n[Op.MONITOR.ordinal()]++;
            guarded++;
        }
    }

    private static void reentrantLock(long[] n) {
        LOCK.lock();
        n[Op.LOCK.ordinal()]++;
        reentrantUnlock(n);
    }

    private static void reentrantUnlock(long[] n) {
        LOCK.unlock();
        n[Op.UNLOCK.ordinal()]++;
    }

    private static void readLock(long[] n) {
        READ.lock();
        n[Op.READ_LOCK.ordinal()]++;
        unlock(READ);
    }

    private static void writeLock(long[] n) {
        WRITE.lock();
        n[Op.WRITE_LOCK.ordinal()]++;
        unlock(WRITE);
    }

    /** Through the Lock interface: a site of its own, not compared. */
    private static void unlock(java.util.concurrent.locks.Lock lock) {
        lock.unlock();
    }

    private static void stampedWrite(long[] n) {
        long stamp = STAMPED.writeLock();
        n[Op.STAMPED_WRITE.ordinal()]++;
        STAMPED.unlockWrite(stamp);
    }

    private static void stampedRead(long[] n) {
        long stamp = STAMPED.readLock();
        n[Op.STAMPED_READ.ordinal()]++;
        STAMPED.unlockRead(stamp);
    }

    private static void semaphore(long[] n) throws InterruptedException {
        SEMAPHORE.acquire();
        n[Op.SEMAPHORE.ordinal()]++;
        SEMAPHORE.release();
    }

    private static void conditionAwait(long[] n) throws InterruptedException {
        LOCK.lock();
        try {
            CONDITION.awaitNanos(10_000);
            n[Op.CONDITION_AWAIT.ordinal()]++;
        } finally {
            LOCK.unlock();
        }
    }

    private static void conditionSignal(long[] n) {
        LOCK.lock();
        try {
            CONDITION.signal();
            n[Op.CONDITION_SIGNAL.ordinal()]++;
        } finally {
            LOCK.unlock();
        }
    }

    private static void atomicIncrement(long[] n) {
        ATOMIC.incrementAndGet();
        n[Op.ATOMIC_INCREMENT.ordinal()]++;
    }

    private static void atomicCas(long[] n) {
        long seen = ATOMIC.get();
        ATOMIC.compareAndSet(seen, seen + 1);
        n[Op.ATOMIC_CAS.ordinal()]++;
    }

    private static void fieldUpdater(long[] n) {
        UPDATER.incrementAndGet(SHARED);
        n[Op.FIELD_UPDATER.ordinal()]++;
    }

    private static void varHandleCas(long[] n) {
        int seen = SHARED.value;
        boolean ignored = VALUE.compareAndSet(SHARED, seen, seen + 1);
        n[Op.VARHANDLE_CAS.ordinal()]++;
    }

    private static void longAdder(long[] n) {
        ADDER.increment();
        n[Op.LONG_ADDER.ordinal()]++;
    }

    /** Gives this thread a permit, so the park right after returns at once. */
    private static void unpark(long[] n) {
        LockSupport.unpark(Thread.currentThread());
        n[Op.UNPARK.ordinal()]++;
    }

    private static void park(long[] n) {
        LockSupport.park();
        n[Op.PARK.ordinal()]++;
    }

    private static void notifyOne(long[] n) {
        synchronized (WAITER) {
            WAITER.notify();
            n[Op.NOTIFY.ordinal()]++;
        }
    }

    /** Bounded wait: a thread never depends on another's notify to go on. */
    private static void waitOnce(long[] n) throws InterruptedException {
        synchronized (WAITER) {
            WAITER.wait(1);
            n[Op.WAIT.ordinal()]++;
        }
    }

    private static void yieldOnce(long[] n) {
        Thread.yield();
        n[Op.YIELD.ordinal()]++;
    }

    private static void sleepZero(long[] n) throws InterruptedException {
        Thread.sleep(0);
        n[Op.SLEEP.ordinal()]++;
    }

    private static void spinWait(long[] n) {
        Thread.onSpinWait();
        n[Op.SPIN.ordinal()]++;
    }
}
