package io.costlevel.analyzer.forecast;

import io.costlevel.analyzer.report.Report;
import io.costlevel.analyzer.report.Site;

import java.util.Comparator;
import java.util.List;

/**
 * One input, analysed.
 *
 * @param threads the run's workers: the threads of its most executed site ({@link #workers}). Not the most threads
 *                of any site: a start barrier or a shutdown flag is also touched by the main thread and would
 *                count one more
 */
public record ObservedRun(String label, Report report, int threads, int cores, boolean hasAgent) {
    /**
     * Fewer counted ops a second than this is not the loop the workers repeat but a main thread's one sleep or join
     * (0.4 a second in a 2-thread run of a shared Random, whose ops are inside the JDK and not counted).
     */
    static final double MIN_REPEATED_OPS_PER_SECOND = 100;
    /** Without a repeated counted op, the sites with at least this share of the largest one's time are the work. */
    static final double MIN_SHARE_OF_LARGEST = 0.1;

    public static ObservedRun of(String label, Report report) {
        return new ObservedRun(label, report, workers(report.sites()), report.run().cores(),
                report.run().sources().contains("agent"));
    }

    /**
     * The threads of the site the agent counted most ops a second at, when one repeats; else (no agent, or the work
     * is inside a library the agent does not count) the most threads of the sites that took a real share of the
     * time. Not simply the site with the largest share: a main thread that sleeps while the workers run has it.
     */
    static int workers(List<Site> sites) {
        return sites.stream()
                .filter(s -> s.opsPerSecond() != null && s.opsPerSecond() >= MIN_REPEATED_OPS_PER_SECOND)
                .max(Comparator.comparingDouble(Site::opsPerSecond))
                .map(Site::threads)
                .orElseGet(() -> {
                    double largest = sites.stream().mapToDouble(Site::shareOfTime).max().orElse(0);
                    return sites.stream().filter(s -> s.shareOfTime() >= MIN_SHARE_OF_LARGEST * largest)
                            .mapToInt(Site::threads).max().orElse(0);
                });
    }
}
