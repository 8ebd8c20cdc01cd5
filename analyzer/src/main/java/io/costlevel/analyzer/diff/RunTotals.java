package io.costlevel.analyzer.diff;

import java.util.List;

/**
 * What one run's figures are measured against beyond the site itself.
 *
 * @param durationSeconds   the run's length, the exposure of events per second (1 when the report does not say)
 * @param matchedCpuSamples CPU samples of the sites both runs have: the denominator of a site's CPU share
 */
record RunTotals(double durationSeconds, double matchedCpuSamples) {

    static RunTotals of(ReportSide side, List<SiteView> matched) {
        return new RunTotals(exposure(side), matched.stream().mapToDouble(s -> s.figure(Measures.CPU_SAMPLES)).sum());
    }

    static double exposure(ReportSide side) {
        return side.durationSeconds() > 0 ? side.durationSeconds() : 1;
    }
}
