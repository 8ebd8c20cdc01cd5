package io.costlevel.workloads;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * One {@code Collections.synchronizedMap} shared by the threads, written with keys spread over 4096: every call takes
 * the wrapper's one monitor, so whatever the key, the monitor's line moves between the cores (a map behind one lock
 * is one hot spot, unlike a ConcurrentHashMap's bins).
 */
final class SynchronizedMapWrites implements Workloads.Operation {
    private static final Map<Integer, Long> COUNTS = Collections.synchronizedMap(new HashMap<>());
    private int next;

    @Override
    public long op() {
        next = (next + 0x9E3779B9) & 4095;
        return COUNTS.merge(next, 1L, Long::sum);
    }
}
