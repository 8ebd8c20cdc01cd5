package io.costlevel.analyzer.forecast;

import java.util.List;

/**
 * One site's forecast.
 *
 * @param tier            today's tier (the run with the most threads)
 * @param threads         threads that ran the site today
 * @param nsPerOp         today's cost of one op, or null
 * @param forecastTier    the tier expected at the target
 * @param mechanism       the mechanism behind it (the deciding rule's short name)
 * @param confidence      high, medium or low (see {@link Move})
 * @param reasons         the move in words, then the scalability fit's ns/op when there is one
 * @param forecastNsPerOp the fit's ns/op at the target, or null without a fit
 * @param nsPerOpIsLowerBound true when the forecast tier's mechanism was not in the fitted runs (it starts past them)
 * @param fit             the site's own fit over the inputs, or null (fewer than 2 thread counts with ops counted)
 */
public record SiteForecast(String className, String methodName, int line, String kind, int tier, int threads,
                           Double nsPerOp, int forecastTier, String mechanism, String confidence, List<String> reasons,
                           Double forecastNsPerOp, boolean nsPerOpIsLowerBound, UslFit fit) {
}
