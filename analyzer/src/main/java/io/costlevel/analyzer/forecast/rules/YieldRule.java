package io.costlevel.analyzer.forecast.rules;

import io.costlevel.analyzer.forecast.ForecastRule;
import io.costlevel.analyzer.forecast.Move;
import io.costlevel.analyzer.forecast.SiteHistory;
import io.costlevel.analyzer.forecast.SitePoint;
import io.costlevel.analyzer.forecast.Target;

import java.util.Locale;

/**
 * Thread.yield while waiting. With a free core sched_yield returns at once (a system call, L3); with
 * more runnable threads than cores it hands the core over (a context switch, L4).
 */
public final class YieldRule implements ForecastRule {
    /** The classifier's threshold (docs/tiers.md, YieldRule): below it the yields are incidental. */
    static final double MIN_YIELDS_PER_OP = 0.01;

    @Override
    public Move forecast(SiteHistory site, Target target) {
        SitePoint today = site.today();
        double perOp = today.ratio("yields", "ops");
        if (today.count("yields") == 0 || perOp < MIN_YIELDS_PER_OP) {
            return null;
        }
        String measured = String.format(Locale.ROOT, "%.2f yields per op at %d threads on %d cores", perOp, today.threads(), today.cores());
        if (target.threads() == 1) {
            return new Move(1, "single-thread", "yields while waiting (" + measured + "): one thread never waits -> L1", Move.MEDIUM);
        }
        if (target.oversubscribed()) {
            return new Move(4, "yield-switch", String.format(Locale.ROOT,
                    "yields while waiting (%s): with %d threads on %d cores each yield hands the core to another thread, a context switch -> L4",
                    measured, target.threads(), target.cores()), ForecastRule.sameRegime(today, target));
        }
        return new Move(3, "yield-syscall", String.format(Locale.ROOT,
                "yields while waiting (%s): with a core for each of %d threads sched_yield returns at once, a system call -> L3",
                measured, target.threads()), ForecastRule.sameRegime(today, target));
    }
}
