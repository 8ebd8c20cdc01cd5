package io.costlevel.samples;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Sample 06: a fair ticket lock whose waiters sleep on a {@link Condition} and are woken with
 * {@code signalAll} when the turn moves (the seed's BlockingTicketLockCounter on {@code sync.Cond}).
 *
 * <p>What it shows: the cost of being put to sleep and woken up. Every waiter parks in the kernel;
 * every release wakes all of them although only one holds the next ticket, and the others go back
 * to sleep (a thundering herd). With one thread nobody ever waits, so it is only two uncontended
 * lock round trips.
 *
 * <p>Expected tier:
 * <ul>
 *   <li>1 thread: L1, two uncontended lock/unlock pairs, no wait.</li>
 *   <li>threads = cores: L3/L4, waiters park and are unparked; some waits end before the thread
 *       really slept, some pay a full context switch.</li>
 *   <li>4x cores: L4, every op is several context switches: all waiters wake, one proceeds.</li>
 * </ul>
 *
 * <p>Run: {@code java -jar samples/target/costlevel-samples.jar blocking-ticket --threads 8}
 *
 * <p>Printed on this machine (2 cores, OpenJDK 17.0.15, {@code --ladder --seconds 1}, load average 2):
 * {@code blocking-ticket}: 21.9 ns/op at 1 thread, 1159.8 at 2 threads, 370701.5 at 8 threads.
 */
public final class S06_BlockingTicketLockCounter implements Counter {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition turnMoved = lock.newCondition();
    private final StopFlag stop = new StopFlag();
    /** Guarded by {@link #lock}. */
    private long nextTicket;
    /** Guarded by {@link #lock}. */
    private long nowServing;
    /** Written outside the lock, but only by the thread being served (as in the seed). */
    private long count;

    @Override
    public void increment() {
        lock.lock();
        try {
            long myTicket = nextTicket++;
            while (nowServing != myTicket) {
                stop.giveUpIfRaised();
                turnMoved.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
        count++;
        lock.lock();
        try {
            nowServing++;
            turnMoved.signalAll();
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

    @Override
    public void stop() {
        stop.raise();
        // Sleeping waiters check the flag only when woken; raised before the signal, none misses it.
        lock.lock();
        try {
            turnMoved.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public static void main(String[] args) {
        SampleRunner.runAndExit(Sample.BLOCKING_TICKET, args);
    }
}
