package io.costlevel.analyzer.classify;

import java.util.Collection;

/**
 * No run's sites together hold more thread time than its threads had. Each site is bounded on its own (threads x
 * wall time, {@link SiteTime}), but a thread that runs several sites is counted at each: where the agent's timed ops
 * give the running time, every timing carries its clock reads and any preemption inside it, and a loop of a few
 * cheap ops added up to more than its thread's time (the spinning ticket lock at 2 threads on 2 cores, 2026-12-04:
 * 516 ns of site time per op in a run whose threads had 203). CPU samples, blocking events and the agent's counted
 * blocks are measurements; the timed estimates are what gives way, all by one factor, so that the sites add up to
 * the recorded threads' time ({@link RunContext#threadNanos()}: each thread from its first sample or event to the end
 * of its last).
 */
public final class ThreadTimeBound {
    private ThreadTimeBound() {}

    /**
     * The factor on timed running time that brings the sites' total time within {@code threadNanos}: 1 when they fit,
     * when the threads' time is unknown (0), or when nothing was timed; 0 when the measured parts alone fill it.
     */
    public static double timedScale(Collection<SiteTime> times, double threadNanos) {
        if (threadNanos <= 0) {
            return 1;
        }
        double total = 0;
        double timed = 0;
        for (SiteTime t : times) {
            total += t.totalNanos();
            if (t.runningFromTiming()) {
                timed += t.runningNanos();
            }
        }
        if (total <= threadNanos || timed <= 0) {
            return 1;
        }
        return Math.max(0, threadNanos - (total - timed)) / timed;
    }
}
