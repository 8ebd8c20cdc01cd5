package io.costlevel.analyzer.forecast;

import io.costlevel.analyzer.report.Site;

import java.util.Map;

/**
 * One site as one run measured it.
 *
 * @param runThreads the threads of the run (its busiest site's), the N of the fit
 * @param cores      the cores the run had
 * @param hasAgent   whether the run carried the agent's counters (else every mechanism below reads 0)
 */
public record SitePoint(Site site, int runThreads, int cores, boolean hasAgent) {
    public long count(String evidence) {
        Object v = site.evidence().get(evidence);
        return v instanceof Number n ? n.longValue() : 0;
    }

    /** {@code numerator / denominator} of two counted figures, 0 when the denominator was not counted. */
    public double ratio(String numerator, String denominator) {
        long d = count(denominator);
        return d == 0 ? 0 : (double) count(numerator) / d;
    }

    public int threads() {
        return site.threads();
    }

    public boolean oversubscribed() {
        return site.threads() > cores;
    }

    public Map<String, Object> evidence() {
        return site.evidence();
    }
}
