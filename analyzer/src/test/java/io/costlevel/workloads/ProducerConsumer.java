package io.costlevel.workloads;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded work queue between a producer and a consumer, each a thread of its own at a line of its own: the producer
 * offers (dropping the item when the queue is full, as a service sheds load), the consumer polls (moving on when it
 * is empty). Both calls take the queue's one lock, whose line moves between the two cores whenever both run; a thread
 * that finds the lock held parks after a short spin. Threads take the roles in turn: the first instance made (the
 * harness's, before the workers start) and every second one after it consume, the others produce.
 */
final class ProducerConsumer implements Workloads.Operation {
    private static final BlockingQueue<Integer> QUEUE = new ArrayBlockingQueue<>(1024);
    private static final AtomicInteger MADE = new AtomicInteger();
    private static final Integer ITEM = 1;
    private final boolean producer = MADE.getAndIncrement() % 2 == 1;

    @Override
    public long op() {
        return producer ? produce() : consume();
    }

    @Override
    public String role() {
        return producer ? "produce" : "consume";
    }

    private static long produce() {
        return QUEUE.offer(ITEM) ? 1 : 0;
    }

    private static long consume() {
        Integer item = QUEUE.poll();
        return item == null ? 0 : item;
    }
}
