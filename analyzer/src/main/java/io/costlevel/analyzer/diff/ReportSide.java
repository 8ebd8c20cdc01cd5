package io.costlevel.analyzer.diff;

import java.util.List;

/**
 * One side of a diff (BASE or NEW): a report as read back, with what its noise tests need about the
 * run as a whole.
 *
 * @param label           what the user named on the command line
 * @param cores           processors of the recorded JVM, 0 when unknown
 * @param durationSeconds wall time the report covers (the exposure of per-second event rates)
 * @param sources         which evidence was present: agent, jfr, async-profiler
 * @param sites           every site of the report, in its order (costliest first)
 */
public record ReportSide(String label, int schemaVersion, int cores, double durationSeconds,
                         List<String> sources, List<SiteView> sites) {

    public boolean hasAgent() {
        return sources.contains("agent");
    }
}
