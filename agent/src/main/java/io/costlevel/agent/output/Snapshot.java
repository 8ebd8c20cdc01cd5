package io.costlevel.agent.output;

import java.util.List;

import io.costlevel.agent.bootstrap.Callers;
import io.costlevel.agent.instrument.Site;

/**
 * One snapshot of the counters: the sites by id and the merged counters ({@code site * Evidence.WIDTH + column},
 * possibly shorter than the sites when the last sites never ran), the stalls the {@link StallWatchdog} saw, and the
 * application lines found calling the library sites ({@link Callers}).
 */
public record Snapshot(long sequence, long wallMillis, long uptimeMillis, boolean isFinal, int droppedSites,
        int errors, int stalls, long longestStallMillis, List<Site> sites, long[] counters,
        List<Callers.Caller> callers) {

    public Snapshot(long sequence, long wallMillis, long uptimeMillis, boolean isFinal, int droppedSites, int errors,
            int stalls, long longestStallMillis, List<Site> sites, long[] counters) {
        this(sequence, wallMillis, uptimeMillis, isFinal, droppedSites, errors, stalls, longestStallMillis, sites,
                counters, List.of());
    }
}
