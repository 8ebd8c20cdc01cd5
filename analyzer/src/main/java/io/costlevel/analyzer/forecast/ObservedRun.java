package io.costlevel.analyzer.forecast;

import io.costlevel.analyzer.report.Report;
import io.costlevel.analyzer.report.Site;

import java.util.Comparator;

/**
 * One input, analysed.
 *
 * @param threads the threads of its most executed site (by the agent's ops, else by share of time): the
 *                run's workers. Not the most threads of any site: a start barrier or a shutdown flag is also
 *                touched by the main thread and would count one more
 */
public record ObservedRun(String label, Report report, int threads, int cores, boolean hasAgent) {
    public static ObservedRun of(String label, Report report) {
        Comparator<Site> busiest = Comparator.comparingDouble((Site s) -> s.opsPerSecond() == null ? -1 : s.opsPerSecond())
                .thenComparingDouble(Site::shareOfTime);
        int threads = report.sites().stream().max(busiest).map(Site::threads).orElse(0);
        return new ObservedRun(label, report, threads, report.run().cores(), report.run().sources().contains("agent"));
    }
}
