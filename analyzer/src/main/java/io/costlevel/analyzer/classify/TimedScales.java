package io.costlevel.analyzer.classify;

import io.costlevel.analyzer.attribution.SiteTally;

import java.util.IdentityHashMap;
import java.util.Map;

/** Per site, how far its running time from the agent's timed ops gives way ({@link ThreadTimeBound}); 1 elsewhere. */
public final class TimedScales {
    public static final TimedScales NONE = new TimedScales(Map.of());

    /**
     * @param factor       the factor on the site's timed running time
     * @param parksFactor  the factor on the parks it inferred from its timed calls: {@code factor}, or less where the
     *                     threads' time off their cores bounded them first
     * @param ownThreads   what bound it: the threads that ran the site (and every site they ran), or else the run's
     *                     threads as a whole
     * @param threadNanos  the time those threads had
     * @param probeNanos   of it, what the agent's probes took by its measure (not the sites' to have)
     * @param offCoreNanos of it, the most they spent off their cores (their time less their CPU samples'), or -1 when
     *                     unknown
     */
    public record Scale(double factor, double parksFactor, boolean ownThreads, double threadNanos, double probeNanos,
                        double offCoreNanos) {
        static final Scale ONE = new Scale(1, 1, false, 0, 0, -1);

        public boolean scaled() {
            return factor < 1;
        }

        /** The inferred parks gave way to the threads' time off their cores before the thread-time bound. */
        public boolean parksBoundOffCores() {
            return parksFactor < factor;
        }
    }

    private final Map<SiteTally, Scale> bySite;

    TimedScales(Map<SiteTally, Scale> bySite) {
        this.bySite = bySite;
    }

    static TimedScales of(IdentityHashMap<SiteTally, Scale> bySite) {
        return bySite.isEmpty() ? NONE : new TimedScales(bySite);
    }

    public Scale of(SiteTally site) {
        return bySite.getOrDefault(site, Scale.ONE);
    }

    public boolean any() {
        return !bySite.isEmpty();
    }
}
