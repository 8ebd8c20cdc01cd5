package io.costlevel.workloads;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Requests counted per HTTP status in one ConcurrentHashMap, as a service's metrics do: a handful of keys, each a
 * node every thread's merge writes, so each moves between the cores although no single key is hot.
 */
final class StatusCounts implements Workloads.Operation {
    private static final String[] STATUS = {"200", "201", "204", "301", "304", "400", "404", "500"};
    static final ConcurrentHashMap<String, Long> COUNTS = new ConcurrentHashMap<>();

    @Override
    public long op() {
        String status = STATUS[ThreadLocalRandom.current().nextInt(STATUS.length)];
        return COUNTS.merge(status, 1L, Long::sum);
    }
}
