package io.costlevel.analyzer.input.jfr;

import java.util.HashMap;
import java.util.Map;

/**
 * How long each thread of a recording was seen: from its first sample or event to the end of its last. The sum over
 * the threads that ran application sites is the thread time they had, the most that all sites together can hold (a
 * site's time is the time its threads spent there); the JVM's own threads (compilers, GC, the recorders) run no site
 * and are left out. A thread is seen a little shorter than it lived (its first sample comes up to one sampling
 * interval after it started), never longer.
 */
final class ThreadSpans {
    /** Per thread: first tick, last tick, and 1 once it was seen at an application site. */
    private final Map<Integer, long[]> byThread = new HashMap<>();

    /**
     * An event of thread {@code tid} from {@code startTicks} to {@code endTicks} (equal for a sample), at an
     * application site or not.
     */
    void see(int tid, long startTicks, long endTicks, boolean atSite) {
        long[] span = byThread.get(tid);
        if (span == null) {
            byThread.put(tid, new long[] {startTicks, endTicks, atSite ? 1 : 0});
        } else {
            span[0] = Math.min(span[0], startTicks);
            span[1] = Math.max(span[1], endTicks);
            span[2] |= atSite ? 1 : 0;
        }
    }

    /** The spans of the threads seen at an application site, added up, in nanoseconds; 0 before any. */
    double totalNanos(long ticksPerSec) {
        if (ticksPerSec <= 0) {
            return 0;
        }
        double ticks = 0;
        for (long[] span : byThread.values()) {
            if (span[2] != 0) {
                ticks += span[1] - span[0];
            }
        }
        return ticks * 1e9 / ticksPerSec;
    }
}
