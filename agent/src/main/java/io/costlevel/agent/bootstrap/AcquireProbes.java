package io.costlevel.agent.bootstrap;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;

/**
 * Replacements for blocking acquisitions, called instead of the original with the same arguments plus the site:
 * they try once without waiting, and only if that fails count a contended acquisition and (1 in 8 of them) time
 * the real call.
 * The try keeps the lock's fairness (see {@link #acquiredAtOnce(Lock)}) and is skipped where an interrupt matters,
 * so the call keeps its semantics (lockInterruptibly still throws, lock still ignores the interrupt).
 */
public final class AcquireProbes {
    private AcquireProbes() {}

    public static void lock(Lock lock, int site) {
        ThreadCounters counters = Probes.before(lock, site);
        if (!isJdkLock(lock)) {
            lock.lock();
        } else if (!acquiredAtOnce(lock)) {
            long start = counters.contentionStart();
            lock.lock();
            counters.contended(site, start);
        }
        counters.completed(site);
    }

    public static void lockInterruptibly(Lock lock, int site) throws InterruptedException {
        ThreadCounters counters = Probes.before(lock, site);
        if (!isJdkLock(lock) || Thread.currentThread().isInterrupted()) {
            lock.lockInterruptibly();
        } else if (!acquiredAtOnce(lock)) {
            long start = counters.contentionStart();
            lock.lockInterruptibly();
            counters.contended(site, start);
        }
        counters.completed(site);
    }

    public static long writeLock(StampedLock lock, int site) {
        ThreadCounters counters = Probes.before(lock, site);
        long stamp = lock.tryWriteLock();
        return stamp != 0L ? acquired(counters, site, stamp)
                : waited(counters, site, counters.contentionStart(), lock.writeLock());
    }

    public static long readLock(StampedLock lock, int site) {
        ThreadCounters counters = Probes.before(lock, site);
        long stamp = lock.tryReadLock();
        return stamp != 0L ? acquired(counters, site, stamp)
                : waited(counters, site, counters.contentionStart(), lock.readLock());
    }

    public static long writeLockInterruptibly(StampedLock lock, int site) throws InterruptedException {
        ThreadCounters counters = Probes.before(lock, site);
        long stamp = Thread.currentThread().isInterrupted() ? 0L : lock.tryWriteLock();
        return stamp != 0L ? acquired(counters, site, stamp)
                : waited(counters, site, counters.contentionStart(), lock.writeLockInterruptibly());
    }

    public static long readLockInterruptibly(StampedLock lock, int site) throws InterruptedException {
        ThreadCounters counters = Probes.before(lock, site);
        long stamp = Thread.currentThread().isInterrupted() ? 0L : lock.tryReadLock();
        return stamp != 0L ? acquired(counters, site, stamp)
                : waited(counters, site, counters.contentionStart(), lock.readLockInterruptibly());
    }

    private static long acquired(ThreadCounters counters, int site, long stamp) {
        counters.completed(site);
        return stamp;
    }

    /** Arguments are evaluated in order: {@code start} is read before the blocking call that gives {@code stamp}. */
    private static long waited(ThreadCounters counters, int site, long start, long stamp) {
        counters.contended(site, start);
        counters.completed(site);
        return stamp;
    }

    public static void acquire(Semaphore semaphore, int site) throws InterruptedException {
        acquire(semaphore, 1, site);
    }

    public static void acquire(Semaphore semaphore, int permits, int site) throws InterruptedException {
        ThreadCounters counters = Probes.before(semaphore, site);
        if (!acquiredAtOnce(semaphore, permits)) {
            long start = counters.contentionStart();
            semaphore.acquire(permits);
            counters.contended(site, start);
        }
        counters.completed(site);
    }

    public static void acquireUninterruptibly(Semaphore semaphore, int site) {
        acquireUninterruptibly(semaphore, 1, site);
    }

    public static void acquireUninterruptibly(Semaphore semaphore, int permits, int site) {
        ThreadCounters counters = Probes.before(semaphore, site);
        if (!acquiredAtOnce(semaphore, permits)) {
            long start = counters.contentionStart();
            semaphore.acquireUninterruptibly(permits);
            counters.contended(site, start);
        }
        counters.completed(site);
    }

    /** Only the JDK's own locks are tried first: another Lock's tryLock may mean something else. */
    private static boolean isJdkLock(Lock lock) {
        return lock instanceof ReentrantLock || lock instanceof ReentrantReadWriteLock.ReadLock
                || lock instanceof ReentrantReadWriteLock.WriteLock;
    }

    /**
     * One non-waiting try that keeps the lock's fairness. A non-fair ReentrantLock's lock() itself starts with a
     * barging tryLock(), so trying that first adds nothing (the common case, kept cheap). Fair locks and the
     * read-write locks are tried with tryLock(0, NANOSECONDS), which queues behind waiters like lock() would; an
     * interrupted thread does not try those (the try would throw, or clear the flag).
     */
    private static boolean acquiredAtOnce(Lock lock) {
        if (lock instanceof ReentrantLock && !((ReentrantLock) lock).isFair()) {
            return lock.tryLock();
        }
        if (Thread.currentThread().isInterrupted()) {
            return false;
        }
        try {
            return lock.tryLock(0L, TimeUnit.NANOSECONDS);
        } catch (InterruptedException raced) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean acquiredAtOnce(Semaphore semaphore, int permits) {
        if (Thread.currentThread().isInterrupted()) {
            return false;
        }
        try {
            return semaphore.tryAcquire(permits, 0L, TimeUnit.NANOSECONDS);
        } catch (InterruptedException raced) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
