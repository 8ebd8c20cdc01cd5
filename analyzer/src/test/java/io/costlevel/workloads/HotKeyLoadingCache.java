package io.costlevel.workloads;

import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;

/**
 * A Guava {@code LoadingCache} with a size bound, read on one hot key by every thread. The read itself is lock-free,
 * but each is recorded for the eviction order: added to the segment's recency queue (a ConcurrentLinkedQueue) and
 * counted in its read count (an AtomicInteger), and every 64th read the thread that wins the segment's lock drains
 * the queue. The queue's and the count's lines move between the cores.
 */
final class HotKeyLoadingCache implements Workloads.Operation {
    static final LoadingCache<Integer, Integer> CACHE = CacheBuilder.newBuilder().maximumSize(1000)
            .build(CacheLoader.from(key -> key));

    @Override
    public long op() {
        return CACHE.getUnchecked(7);
    }
}
