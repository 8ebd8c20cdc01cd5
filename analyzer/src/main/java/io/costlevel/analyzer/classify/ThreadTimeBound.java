package io.costlevel.analyzer.classify;

import io.costlevel.analyzer.attribution.SiteTally;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * No threads' sites together hold more thread time than those threads had. Each site is bounded on its own (threads x
 * wall time, {@link SiteTime}), but a thread that runs several sites is counted at each: where the agent's timed ops
 * give the running time, every timing carries its clock reads and any preemption inside it, and a loop of a few
 * cheap ops added up to more than its thread's time (the spinning ticket lock at 2 threads on 2 cores, 2026-12-04:
 * 516 ns of site time per op in a run whose threads had 203). CPU samples, blocking events and the agent's counted
 * blocks are measurements; the timed estimates are what gives way: the timed running time, and the parks the agent
 * infers from a JDK call's slow timed calls ({@link SiteTime#timedNanos()}).
 *
 * <p>Two bounds, the tighter first. <b>Per group of threads</b>: threads are linked by the sites they ran (a site
 * links every thread the recording saw there), and the sites of a group add up to no more than its threads' spans
 * (each thread from its first sample or event to the end of its last, {@link RunContext#threads()}), so a busy
 * pool's sites cannot take the time of an idle one's threads. A site joins a group only where the recording saw as
 * many threads at it as ran it; one whose threads it did not all see is bounded by <b>the run</b> alone: all sites
 * add up to no more than the recorded threads' time ({@link RunContext#threadNanos()}). Within a bound the timed
 * estimates give way by one factor, so that the sites add up to it.
 *
 * <p>Either bound is the threads' time less what the agent's probes took of it (the sites' ops x the probes' measured
 * cost per op, {@link SiteTally#probeOwnNanos()}): a timed op's clock reads carry part of the probes around it, and a
 * loop of cheap ops whose timings filled its thread's time handed the probes' time to the application (a blocking
 * ticket lock at one thread, 5 counted ops per turn: 14.5 ns per turn natively, 24 under the agent of which the probes
 * take 12.9 by the agent's measure, and its sites added up to 23.1).
 */
public final class ThreadTimeBound {
    private ThreadTimeBound() {}

    /** A site's time, and the tally that says which threads ran it. */
    public record Bounded(SiteTally tally, SiteTime time) {}

    /**
     * @param threads     what the recordings measured of each thread: its span, its other keys (its time counts once)
     *                    and its CPU time where its samples measure it
     * @param threadNanos the time all recorded threads had, or 0 when unknown
     */
    public static TimedScales scales(List<Bounded> sites, ThreadTime threads, double threadNanos) {
        Map<Long, Double> spans = threads.spans();
        ThreadGroups groups = new ThreadGroups();
        Map<SiteTally, Long> firstThread = new IdentityHashMap<>(); // of each site placed in a group
        for (Bounded b : sites) {
            long[] keys = b.tally().recordedThreadKeysIfAll();
            if (keys == null || keys.length == 0 || !spansOfAll(keys, spans)) {
                continue;
            }
            for (long k : keys) {
                groups.union(keys[0], k);
            }
            firstThread.put(b.tally(), keys[0]);
        }
        Map<Integer, Budget> budgets = new HashMap<>();
        Map<Integer, List<Long>> keysOf = new HashMap<>();
        groups.forEachKey((key, group) -> keysOf.computeIfAbsent(group, g -> new java.util.ArrayList<>()).add(key));
        keysOf.forEach((group, keys) -> {
            double span = threads.spanOf(keys);
            boolean cpuKnown = keys.stream().allMatch(threads.cpu()::containsKey);
            budgets.put(group, new Budget(span, cpuKnown ? Math.max(0, span - threads.cpuOf(keys)) : -1));
        });
        Map<SiteTally, Budget> budgetOf = new IdentityHashMap<>();
        for (Bounded b : sites) {
            Long key = firstThread.get(b.tally());
            if (key == null) {
                continue;
            }
            Budget budget = budgets.get(groups.find(key));
            budgetOf.put(b.tally(), budget);
            budget.probes += b.tally().probeOwnNanos();
            budget.measuredOffCores += measuredOffCoreNanos(b.time());
            budget.inferredParks += b.time().inferredEstimateNanos();
        }
        budgets.values().forEach(Budget::boundParksByTimeOffCores);
        // The sites' time, with their parks so bounded.
        for (Bounded b : sites) {
            Budget budget = budgetOf.get(b.tally());
            if (budget != null) {
                double cut = inferredCut(b.time(), budget.parksFactor);
                budget.sites += b.time().totalNanos() - cut;
                budget.timed += timedNanos(b) - cut;
            }
        }

        IdentityHashMap<SiteTally, TimedScales.Scale> out = new IdentityHashMap<>();
        double total = 0;
        double timed = 0;
        double probes = 0;
        for (Bounded b : sites) {
            probes += b.tally().probeOwnNanos();
            Budget budget = budgetOf.get(b.tally());
            double factor = budget == null ? 1 : factor(budget.threads, budget.sites, budget.timed, budget.probes);
            double parksFactor = budget == null ? 1 : budget.parksFactor;
            if (factor < 1 || parksFactor < 1) {
                out.put(b.tally(), new TimedScales.Scale(factor, parksFactor * factor, true, budget.threads,
                        budget.probes, budget.offCores));
            }
            double t = timedNanos(b);
            double kept = factor * (t - inferredCut(b.time(), parksFactor));
            total += b.time().totalNanos() - (t - kept);
            timed += kept;
        }
        double runFactor = threadNanos <= 0 ? 1 : factor(threadNanos, total, timed, probes);
        if (runFactor < 1) {
            for (Bounded b : sites) {
                if (timedNanos(b) > 0) {
                    TimedScales.Scale own = out.getOrDefault(b.tally(), TimedScales.Scale.ONE);
                    out.put(b.tally(), new TimedScales.Scale(own.factor() * runFactor, own.parksFactor() * runFactor,
                            false, threadNanos, probes, own.offCoreNanos()));
                }
            }
        }
        return TimedScales.of(out);
    }

    /**
     * The factor on timed running time that brings the sites' time ({@code sites}, of which {@code timed}) within the
     * threads' time less the probes' cost: 1 when they fit or nothing was timed; 0 when the measured parts alone fill it.
     */
    static double factor(double threadNanos, double sites, double timed, double probes) {
        double threads = Math.max(0, threadNanos - probes);
        if (sites <= threads || timed <= 0) {
            return 1;
        }
        return Math.max(0, threads - (sites - timed)) / timed;
    }

    /** One group of threads: the time they had, and what their sites hold of it. */
    private static final class Budget {
        final double threads;
        /** The most the threads spent off their cores (their time less their CPU samples'), or -1 when unknown. */
        final double offCores;
        double sites;
        double timed;
        double probes;
        double measuredOffCores;
        double inferredParks;
        double parksFactor = 1;

        Budget(double threads, double offCores) {
            this.threads = threads;
            this.offCores = offCores;
        }

        /**
         * The parks a JDK call's slow timed calls stand for are an estimate of few, heavy-tailed samples (each slow call
         * weighs up to 512 calls, and one preemption of a time slice inside it weighs as much): two threads offering to
         * and polling one LinkedBlockingQueue on two cores, 0.27-0.9 s off their cores in all, had 1.9-5.8 s of parks
         * inferred (2026-12-05). Where the CPU samples measure each thread's CPU time, its span less that is the most it
         * was off its core, parked or not: the inferred parks and the blocks measured at its sites (events, counted
         * waits, idle and I/O wait) fit in it, the inferred ones giving way.
         */
        void boundParksByTimeOffCores() {
            if (offCores >= 0 && inferredParks > 0 && measuredOffCores + inferredParks > offCores) {
                parksFactor = Math.max(0, offCores - measuredOffCores) / inferredParks;
            }
        }
    }

    /**
     * What the bound on the time off the cores takes from a site's inferred parks as this pass holds them (already cut
     * where the site's own bound, threads x wall time, left them less room than its sampled running time): the parks
     * it keeps are at most {@code parksFactor} x the agent's estimate.
     */
    private static double inferredCut(SiteTime t, double parksFactor) {
        double held = t.inferredBlockedNanos();
        return held - Math.min(held, parksFactor * t.inferredEstimateNanos());
    }

    /** A site's blocked time that was measured (events, counted blocks, idle and I/O wait), not inferred. */
    private static double measuredOffCoreNanos(SiteTime t) {
        return t.contentionNanos() - t.inferredBlockedNanos() + t.pinnedNanos() + t.idleNanos() + t.ioNanos();
    }

    private static double timedNanos(Bounded b) {
        return b.time().timedNanos();
    }

    private static boolean spansOfAll(long[] keys, Map<Long, Double> spans) {
        for (long k : keys) {
            if (!spans.containsKey(k)) {
                return false;
            }
        }
        return true;
    }
}
