package io.costlevel.analyzer.forecast.rules;

import io.costlevel.analyzer.classify.MinimumEvidence;
import io.costlevel.analyzer.forecast.ForecastRule;
import io.costlevel.analyzer.forecast.Move;
import io.costlevel.analyzer.forecast.SiteHistory;
import io.costlevel.analyzer.forecast.SitePoint;
import io.costlevel.analyzer.forecast.Target;

import java.util.List;
import java.util.Locale;

/**
 * A shared lock with more threads than cores: the kernel preempts a thread while it holds the lock (a time slice
 * ends inside the critical section), and every thread that wants the lock then spins out and blocks until the
 * holder gets a core again, milliseconds later. An atomic has no holder to preempt (its op is one instruction), so
 * only lock-guarded state moves to L4 this way; {@link SharedStateRule} keeps the rest at L2.
 *
 * <p>Lock-guarded means the site is a lock or monitor (kinds {@code lock}, {@code monitor}), or its JDK call took a
 * monitor that others waited for today (the recording's monitor-enter events charged to it, at least
 * {@link MinimumEvidence#MIN_EVENTS} and {@link #MIN_MONITOR_WAITS_PER_OP} per op: {@code ConcurrentHashMap.merge}
 * locks the key's bin). Measured on 2 cores (docs/forecast.md): one hot
 * {@code ConcurrentHashMap} key, natively 150 ns CPU + 5 ns blocked per op at 2 threads, 187 + 382 at 8; the seed's
 * {@code synchronized} and {@code ReentrantLock} counters at 8 threads are L4 under the agent (72 % and 94 % of
 * their time blocked).
 */
public final class PreemptedHolderRule implements ForecastRule {
    private static final List<String> LOCK_KINDS = List.of("lock", "monitor");
    /**
     * Monitor waits per op that make the call's state lock-guarded: one hot ConcurrentHashMap key at 2 threads had
     * 222-601 waits in 12-13 M ops (1.8e-5 and up); a shared Random's line had 1 in 42 M (2.4e-8), an incidental
     * wait (a class loaded on the first call) that is no lock of the call's.
     */
    static final double MIN_MONITOR_WAITS_PER_OP = 1e-6;

    @Override
    public Move forecast(SiteHistory site, Target target) {
        SitePoint today = site.today();
        if (!target.oversubscribed() || !today.hasAgent() || today.threads() < 2 || today.count("virtualThreads") > 0) {
            return null;
        }
        String lock = lockSeen(site.kind(), today);
        String shared = SharedStateRule.sharingSeen(today);
        if (lock == null || shared == null) {
            return null;
        }
        return new Move(4, "preempted-holder", String.format(Locale.ROOT,
                "a lock (%s) shared by %d threads today (%s): at %d threads on %d cores its holder is preempted while "
                        + "holding it and the others block until it runs again -> L4",
                lock, today.threads(), shared, target.threads(), target.cores()), Move.MEDIUM);
    }

    /** How the site shows it is guarded by a lock, or null. */
    static String lockSeen(String kind, SitePoint p) {
        if (LOCK_KINDS.contains(kind)) {
            return "a " + kind;
        }
        long monitorEnters = p.count("jfrMonitorEnterEvents");
        if ("call".equals(kind) && MinimumEvidence.enoughEvents(monitorEnters)
                && monitorEnters >= MIN_MONITOR_WAITS_PER_OP * p.count("ops")) {
            return String.format(Locale.ROOT, "%d monitor waits inside the call", monitorEnters);
        }
        return null;
    }
}
