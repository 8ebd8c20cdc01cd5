package io.costlevel.analyzer.forecast;

import java.util.List;

/**
 * The forecast of every site at the target: one model, two views (text, JSON).
 *
 * @param runs  the inputs, fewest threads first
 * @param fit   the run's own scalability fit, or null with one input
 * @param sites every site, the highest forecast tier first
 * @param notes what limits the forecast, in words
 */
public record Forecast(Target target, List<ObservedRun> runs, UslFit fit, List<SiteForecast> sites, List<String> notes) {
    public static final int SCHEMA_VERSION = 1;
}
