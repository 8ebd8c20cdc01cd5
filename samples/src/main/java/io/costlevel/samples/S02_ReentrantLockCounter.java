package io.costlevel.samples;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Sample 02: the same mutex as a library lock, {@link ReentrantLock} around a plain {@code ++}.
 *
 * <p>What it shows: {@code lock()} is one CAS on the lock's state when it is free. When it is not,
 * the thread spins briefly and then queues and parks ({@code LockSupport.park}); {@code unlock()}
 * unparks the next one. Non-fair mode lets a running thread barge ahead of parked ones, which keeps
 * most ops on the fast path even when threads outnumber cores.
 *
 * <p>Expected tier:
 * <ul>
 *   <li>1 thread: L1, an uncontended CAS in and a volatile write out.</li>
 *   <li>threads = cores: L2, the lock state and the count are truly shared.</li>
 *   <li>4x cores: L2 on average; the ops that park pay an L4 context switch, barging keeps them
 *       rare.</li>
 * </ul>
 *
 * <p>Run: {@code java -jar samples/target/costlevel-samples.jar reentrant-lock --threads 8}
 *
 * <p>Printed on this machine (2 cores, OpenJDK 17.0.15, {@code --ladder --seconds 1}, load average 2):
 * {@code reentrant-lock}: 11.0 ns/op at 1 thread, 58.9 at 2 threads, 87.7 at 8 threads.
 */
public final class S02_ReentrantLockCounter implements Counter {
    private final ReentrantLock lock = new ReentrantLock();
    private long count;

    @Override
    public void increment() {
        lock.lock();
        try {
            count++;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long value() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

    public static void main(String[] args) {
        SampleRunner.runAndExit(Sample.REENTRANT_LOCK, args);
    }
}
