package io.costlevel.agent.instrument;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrimitiveTableTest {
    private static final String CONCURRENT = "java/util/concurrent/";
    private final PrimitiveTable table = new PrimitiveTable();

    /**
     * A long call of a synchronizer that only arrives was preempted, never parked: its calls must not infer parks
     * (the agent infers them at {@link Shape#CALL_BLOCKING} calls only), while the calls that wait for the others may.
     */
    @Test
    void arrivingAtASynchronizerIsACallThatNeverBlocksAndWaitingAtItMayBlock() {
        assertThat(table.find(CONCURRENT + "CountDownLatch", "countDown", "()V").shape()).isEqualTo(Shape.CALL);
        assertThat(table.find(CONCURRENT + "Phaser", "arrive", "()I").shape()).isEqualTo(Shape.CALL);
        assertThat(table.find(CONCURRENT + "Phaser", "arriveAndDeregister", "()I").shape()).isEqualTo(Shape.CALL);

        assertThat(table.find(CONCURRENT + "CountDownLatch", "await", "()V").shape()).isEqualTo(Shape.CALL_BLOCKING);
        assertThat(table.find(CONCURRENT + "CountDownLatch", "await", "(JLjava/util/concurrent/TimeUnit;)Z").shape())
                .isEqualTo(Shape.CALL_BLOCKING);
        assertThat(table.find(CONCURRENT + "Phaser", "arriveAndAwaitAdvance", "()I").shape())
                .isEqualTo(Shape.CALL_BLOCKING);
        assertThat(table.find(CONCURRENT + "Phaser", "register", "()I").shape()).isEqualTo(Shape.CALL_BLOCKING);
    }

    /** A timing of these that lasted a context switch was a preemption (NeverBlocking); of the others it may be a wait. */
    @Test
    void atomicsAndTriesWithoutATimeoutNeverBlock() {
        assertThat(never(CONCURRENT + "atomic/AtomicLong", "incrementAndGet", "()J")).isTrue();
        assertThat(never(CONCURRENT + "atomic/AtomicLong", "compareAndSet", "(JJ)Z")).isTrue();
        assertThat(never("java/lang/invoke/VarHandle", "compareAndSet", "([Ljava/lang/Object;)Z")).isTrue();
        assertThat(never(CONCURRENT + "locks/ReentrantLock", "tryLock", "()Z")).isTrue();
        assertThat(never(CONCURRENT + "Semaphore", "tryAcquire", "()Z")).isTrue();

        assertThat(never(CONCURRENT + "locks/ReentrantLock", "tryLock", "(JLjava/util/concurrent/TimeUnit;)Z")).isFalse();
        assertThat(never(CONCURRENT + "locks/ReentrantLock", "unlock", "()V")).as("may wake a waiter").isFalse();
        assertThat(never(CONCURRENT + "CountDownLatch", "countDown", "()V")).as("a call: timed apart").isFalse();
        assertThat(never("java/lang/Object", "wait", "()V")).isFalse();
    }

    private boolean never(String owner, String name, String descriptor) {
        return table.find(owner, name, descriptor).neverBlocks(descriptor);
    }
}
