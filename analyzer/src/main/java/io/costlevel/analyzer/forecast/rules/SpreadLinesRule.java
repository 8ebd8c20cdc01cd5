package io.costlevel.analyzer.forecast.rules;

import io.costlevel.analyzer.forecast.ForecastRule;
import io.costlevel.analyzer.forecast.Move;
import io.costlevel.analyzer.forecast.SiteHistory;
import io.costlevel.analyzer.forecast.SitePoint;
import io.costlevel.analyzer.forecast.Target;

import java.util.Locale;

/**
 * Striped adders and sharded state stay L1: a LongAdder writes a cell of the calling thread's own;
 * a sharded counter spreads its writes over many cache lines, so the sampled ops rarely meet the
 * line the previous one touched, and two threads rarely want the same line at once.
 */
public final class SpreadLinesRule implements ForecastRule {
    /** Fewer sampled checks than this tell nothing about how the writes spread. */
    static final long MIN_CHECKS = 50;
    /** Below this share of checks meeting the line last touched here, the writes are spread (a hot line is near 1). */
    static final double MAX_SAME_LINE_RATIO = 0.1;

    @Override
    public Move forecast(SiteHistory site, Target target) {
        SitePoint today = site.today();
        // "call": a JDK concurrent API call whose library counts are charged to the line (ConcurrentHashMap.merge).
        if (!("atomic".equals(site.kind()) || "call".equals(site.kind())) || !today.hasAgent()) {
            return null;
        }
        if (Striped.is(today)) {
            return new Move(1, "striped", String.format(Locale.ROOT,
                    "striped adder (%s): each thread adds to a cell of its own, the cells grow with contention -> stays L1",
                    today.site().primitives().get(0)), Move.HIGH);
        }
        long checks = today.count("handoffChecks");
        // Without the per-line counts (an older agent) a low handoff ratio may only mean two threads took turns.
        if (checks < MIN_CHECKS || !today.evidence().containsKey("sameLineChecks") || SharedStateRule.sharingSeen(today) != null) {
            return null;
        }
        double sameLine = today.ratio("sameLineChecks", "handoffChecks");
        double handoffs = today.ratio("handoffs", "handoffChecks");
        if (sameLine >= MAX_SAME_LINE_RATIO) {
            return null;
        }
        String confidence = today.threads() >= 2 ? Move.HIGH : Move.MEDIUM;
        return new Move(1, "spread-lines", String.format(Locale.ROOT,
                "writes spread over many cache lines (%.1f%% of %d sampled ops met the line the previous one touched, %.1f%% a line from another thread) at %d threads: %d threads rarely want one line at once -> stays L1",
                100 * sameLine, checks, 100 * handoffs, today.threads(), target.threads()), confidence);
    }
}
