package io.costlevel.samples;

import java.util.concurrent.SynchronousQueue;

/**
 * Sample 13: two threads hand a value back and forth through {@link SynchronousQueue}s, the classic
 * producer/consumer handoff with no buffer: every {@code put} waits for a {@code take} and the other way round.
 *
 * <p>What it shows: the same park costs two tiers apart by the thread's kind. A platform thread that waits in
 * the queue is parked by the kernel and woken by a futex: a context switch. A virtual thread unmounts (its
 * continuation is saved to the heap) and its carrier runs the other virtual thread: no kernel switch.
 *
 * <p>Expected tier of the two handoff lines (ground truth measured without the agent, JDK 25, 2 cores shared
 * with other work, {@code java -cp samples/target/costlevel-samples.jar io.costlevel.samples.S13_QueueHandoff
 * --platform|--virtual --seconds 2}; the figures are in docs/tiers.md): platform threads: L4, each handoff
 * is a park and a wakeup through the kernel, ~10-20 us; virtual threads: L2-L3, a round trip is a few hundred
 * ns, an unmount and a remount in user space.
 *
 * <p>JDK 21+ for {@code --virtual}; on 17 it prints a line saying it was skipped and exits with 3.
 */
public final class S13_QueueHandoff implements Handoff {
    static final String ID = "queue-handoff";
    private final SynchronousQueue<Long> toPong = new SynchronousQueue<>();
    private final SynchronousQueue<Long> toPing = new SynchronousQueue<>();
    private long next;

    @Override
    public void ping() throws InterruptedException {
        toPong.put(next++);
        toPing.take();
    }

    @Override
    public boolean pong() throws InterruptedException {
        long value = toPong.take();
        if (value < 0) {
            return false;
        }
        toPing.put(value);
        return true;
    }

    @Override
    public void finish() throws InterruptedException {
        toPong.put(-1L);
    }

    public static void main(String[] args) {
        HandoffRun.main(ID, S13_QueueHandoff::new, args);
    }
}
