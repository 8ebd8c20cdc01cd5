package io.costlevel.samples;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Sample 14: two threads take turns under a {@link ReentrantLock}: each passes the turn with
 * {@code signal} and waits on the {@link Condition} until the turn comes back.
 *
 * <p>What it shows: a lock handoff where the waiter always blocks. On platform threads every turn is a park
 * and an unpark through the kernel (a context switch); on virtual threads the waiter unmounts and the
 * carrier goes on with the other virtual thread.
 *
 * <p>Expected tier of the await line (measured without the agent, JDK 25, 2 cores shared with other work,
 * {@code java -cp samples/target/costlevel-samples.jar io.costlevel.samples.S14_LockHandoff
 * --platform|--virtual --seconds 2}; figures in docs/tiers.md): platform threads: L4; virtual threads:
 * L2-L3.
 *
 * <p>JDK 21+ for {@code --virtual}; on 17 it prints a line saying it was skipped and exits with 3.
 */
public final class S14_LockHandoff implements Handoff {
    static final String ID = "lock-handoff";
    private static final int PING = 0;
    private static final int PONG = 1;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition turnPassed = lock.newCondition();
    /** Guarded by {@link #lock}. */
    private int turn = PING;
    /** Guarded by {@link #lock}. */
    private boolean finished;

    @Override
    public void ping() throws InterruptedException {
        lock.lock();
        try {
            turn = PONG;
            turnPassed.signal();
            while (turn != PING) {
                turnPassed.await();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean pong() throws InterruptedException {
        lock.lock();
        try {
            while (turn != PONG && !finished) {
                turnPassed.await();
            }
            if (finished) {
                return false;
            }
            turn = PING;
            turnPassed.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void finish() {
        lock.lock();
        try {
            finished = true;
            turnPassed.signal();
        } finally {
            lock.unlock();
        }
    }

    public static void main(String[] args) {
        HandoffRun.main(ID, S14_LockHandoff::new, args);
    }
}
