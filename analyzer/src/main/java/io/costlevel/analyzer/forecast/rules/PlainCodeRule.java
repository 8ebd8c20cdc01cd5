package io.costlevel.analyzer.forecast.rules;

import io.costlevel.analyzer.forecast.ForecastRule;
import io.costlevel.analyzer.forecast.Move;
import io.costlevel.analyzer.forecast.SiteHistory;
import io.costlevel.analyzer.forecast.Target;

/**
 * Plain code: CPU samples and no synchronization. Its cost does not depend on other threads (false
 * sharing aside, which no counter here sees), so it keeps its tier; with more threads than cores it
 * only waits for a core, which is the scheduler's time, not this line's.
 */
public final class PlainCodeRule implements ForecastRule {
    @Override
    public Move forecast(SiteHistory site, Target target) {
        if (!"cpu".equals(site.kind())) {
            return null;
        }
        boolean agent = site.today().hasAgent();
        return new Move(site.today().site().tier(), "plain",
                agent ? "no synchronization at this line (the agent counted none): plain code does not move with threads -> stays L"
                        + site.today().site().tier()
                        : "only CPU samples, no agent: an atomic or a spin here would look the same; kept at L" + site.today().site().tier(),
                agent ? Move.HIGH : Move.LOW);
    }
}
