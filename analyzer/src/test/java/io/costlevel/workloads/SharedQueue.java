package io.costlevel.workloads;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One bounded {@code LinkedBlockingQueue} shared by the threads, each offering an item and polling one: a work queue
 * every thread feeds and drains. Its put and take locks and its count move between the cores whenever two threads use
 * it at once; a thread that finds a lock held parks after a short spin.
 */
final class SharedQueue implements Workloads.Operation {
    private static final BlockingQueue<Integer> QUEUE = new LinkedBlockingQueue<>(1024);
    private static final Integer ITEM = 1;

    @Override
    public long op() {
        Integer taken = QUEUE.offer(ITEM) ? QUEUE.poll() : null; // one line: the op's two calls are its time
        return taken == null ? 0 : taken;
    }
}
