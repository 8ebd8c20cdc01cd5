package io.costlevel.agent.output;

import java.util.List;

import io.costlevel.agent.bootstrap.Callers;
import io.costlevel.agent.instrument.Site;
import io.costlevel.agent.vthread.CarrierLoad;

/**
 * One snapshot of the counters: the sites by id and the merged counters ({@code site * Evidence.WIDTH + column},
 * possibly shorter than the sites when the last sites never ran), the stalls the {@link StallWatchdog} saw, and the
 * application lines found calling the library sites ({@link Callers}), and the virtual-thread scheduler's carrier
 * load (null when not sampled: JDK 17), and per site the identity hash of the object its last sampled operation worked
 * on (0: none; {@code BootstrapSettings.lastObjects}).
 */
public record Snapshot(long sequence, long wallMillis, long uptimeMillis, boolean isFinal, int droppedSites,
        int errors, int stalls, long longestStallMillis, List<Site> sites, long[] counters,
        List<Callers.Caller> callers, CarrierLoad carriers, int[] lastObjects) {

    public Snapshot(long sequence, long wallMillis, long uptimeMillis, boolean isFinal, int droppedSites, int errors,
            int stalls, long longestStallMillis, List<Site> sites, long[] counters, List<Callers.Caller> callers,
            CarrierLoad carriers) {
        this(sequence, wallMillis, uptimeMillis, isFinal, droppedSites, errors, stalls, longestStallMillis, sites,
                counters, callers, carriers, new int[0]);
    }

    public Snapshot(long sequence, long wallMillis, long uptimeMillis, boolean isFinal, int droppedSites, int errors,
            int stalls, long longestStallMillis, List<Site> sites, long[] counters, List<Callers.Caller> callers) {
        this(sequence, wallMillis, uptimeMillis, isFinal, droppedSites, errors, stalls, longestStallMillis, sites,
                counters, callers, null);
    }

    public Snapshot(long sequence, long wallMillis, long uptimeMillis, boolean isFinal, int droppedSites, int errors,
            int stalls, long longestStallMillis, List<Site> sites, long[] counters) {
        this(sequence, wallMillis, uptimeMillis, isFinal, droppedSites, errors, stalls, longestStallMillis, sites,
                counters, List.of(), null);
    }
}
