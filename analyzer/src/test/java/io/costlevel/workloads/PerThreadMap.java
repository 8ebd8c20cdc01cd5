package io.costlevel.workloads;

import java.util.concurrent.ConcurrentHashMap;

/** The same merge into a map of the thread's own: the CAS and bin writes stay in one core's cache. */
final class PerThreadMap implements Workloads.Operation {
    private final ConcurrentHashMap<String, Long> counts = new ConcurrentHashMap<>();

    @Override
    public long op() {
        return counts.merge("hot", 1L, Long::sum);
    }
}
