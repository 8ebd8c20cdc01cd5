package io.costlevel.analyzer.forecast.rules;

import io.costlevel.analyzer.forecast.ForecastRule;
import io.costlevel.analyzer.forecast.Move;
import io.costlevel.analyzer.forecast.SiteHistory;
import io.costlevel.analyzer.forecast.SitePoint;
import io.costlevel.analyzer.forecast.Target;

import java.util.Locale;

/**
 * Spins while waiting (Thread.onSpinWait counted). With more threads than cores the thread a waiter
 * waits for is often descheduled, and the waiter burns its whole time slice: L5. With a core for
 * every thread the owner keeps running and a wait is a few hundred spins on a shared line: L2.
 */
public final class SpinRule implements ForecastRule {
    @Override
    public Move forecast(SiteHistory site, Target target) {
        SitePoint today = site.today();
        long spins = today.count("spins");
        if (spins == 0) {
            return null;
        }
        String measured = String.format(Locale.ROOT, "%.0f spins per wait at %d threads on %d cores",
                today.ratio("spins", "spinWaits"), today.threads(), today.cores());
        if (target.oversubscribed()) {
            // Virtual threads are not time-sliced: spinners keep their carriers until they block, the owner waits to mount.
            String slices = today.count("virtualOps") > 0
                    ? "virtual waiters keep their carriers (no time slice ends a virtual thread's spin) while the owner waits to mount"
                    : "the owner is descheduled and waiters spin whole time slices";
            return new Move(5, "spin-descheduled", String.format(Locale.ROOT,
                    "spins while waiting (%s): with %d threads on %d cores %s -> L5",
                    measured, target.threads(), target.cores(), slices), ForecastRule.sameRegime(today, target));
        }
        if (target.threads() == 1) {
            return new Move(1, "single-thread", "spins while waiting (" + measured + "): one thread never waits -> L1",
                    Move.MEDIUM);
        }
        return new Move(2, "spin-shared", String.format(Locale.ROOT,
                "spins while waiting (%s): with a core for each of %d threads the owner keeps running, a wait is a short spin on a shared line -> L2",
                measured, target.threads()), ForecastRule.sameRegime(today, target));
    }
}
