package io.costlevel.analyzer.forecast.rules;

import io.costlevel.analyzer.forecast.ForecastRule;
import io.costlevel.analyzer.forecast.Move;
import io.costlevel.analyzer.forecast.SiteHistory;
import io.costlevel.analyzer.forecast.Target;

/** The last rule: no counted mechanism that moves with threads or cores, so today's tier, said with low confidence. */
public final class UnchangedRule implements ForecastRule {
    @Override
    public Move forecast(SiteHistory site, Target target) {
        int tier = site.today().site().tier();
        return new Move(tier, "unchanged", "no counted mechanism here moves with threads or cores (" + site.kind()
                + "): kept at L" + tier, Move.LOW);
    }
}
