package io.costlevel.workloads;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A pool of one reusable buffer shared by the threads through an {@code ArrayBlockingQueue}: each op takes the buffer,
 * formats into it and gives it back. With more threads than buffers, a take waits for the buffer another thread holds:
 * contention for the pool, not a worker waiting for work.
 */
final class PooledBuffers implements Workloads.Operation {
    private static final BlockingQueue<StringBuilder> POOL = new ArrayBlockingQueue<>(1, false, java.util.List.of(new StringBuilder()));
    private long next;

    @Override
    public long op() {
        StringBuilder buffer = take();
        try {
            buffer.setLength(0);
            return buffer.append("order-").append(next++).append(':').append(next * 31).length();
        } finally {
            POOL.offer(buffer);
        }
    }

    private static StringBuilder take() {
        try {
            return POOL.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
