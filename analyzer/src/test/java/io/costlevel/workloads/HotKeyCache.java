package io.costlevel.workloads;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A Caffeine cache, full enough that its frequency sketch is on (half its maximum size), read on one hot key by
 * every thread: each read is recorded in the cache's striped read buffer (a ring per stripe, its tail CASed), and
 * the buffers are drained into the sketch under the cache's eviction lock when full.
 */
final class HotKeyCache implements Workloads.Operation {
    static final int SIZE = 1000;
    static final Cache<Integer, Long> CACHE = Caffeine.newBuilder().maximumSize(SIZE).build();

    static {
        for (int key = 0; key < SIZE; key++) {
            CACHE.put(key, (long) key);
        }
    }

    @Override
    public long op() {
        Long value = CACHE.getIfPresent(7);
        return value == null ? 0 : value;
    }
}
