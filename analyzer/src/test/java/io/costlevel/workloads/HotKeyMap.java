package io.costlevel.workloads;

import java.util.concurrent.ConcurrentHashMap;

/** One ConcurrentHashMap, every thread merging into one key: its bin's node is written by every core. */
final class HotKeyMap implements Workloads.Operation {
    static final ConcurrentHashMap<String, Long> COUNTS = new ConcurrentHashMap<>();

    @Override
    public long op() {
        return COUNTS.merge("hot", 1L, Long::sum);
    }
}
