package io.costlevel.agent.output;

import java.util.List;

import io.costlevel.agent.instrument.Site;

/**
 * One snapshot of the counters: the sites by id and the merged counters ({@code site * Evidence.WIDTH + column},
 * possibly shorter than the sites when the last sites never ran), and the stalls the {@link StallWatchdog} saw.
 */
public record Snapshot(long sequence, long wallMillis, long uptimeMillis, boolean isFinal, int droppedSites,
        int errors, int stalls, long longestStallMillis, List<Site> sites, long[] counters) {}
