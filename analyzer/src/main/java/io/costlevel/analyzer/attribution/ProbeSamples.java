package io.costlevel.analyzer.attribution;

import java.util.List;

/** What the report says of the CPU samples taken inside the agent's probes, and where their time went. */
public final class ProbeSamples {
    private ProbeSamples() {}

    public static List<String> blindSpots(SiteTable table) {
        long samples = table.probeSamples();
        if (samples == 0) {
            return List.of();
        }
        double charged = 0;
        double cost = 0;
        for (SiteTally t : table.all()) {
            charged += t.probeChargedNanos();
            cost += t.probeCostNanos();
        }
        if (charged == 0 && cost == 0) {
            return List.of(String.format("%d CPU samples were taken inside the agent's own probes: its cost, not the "
                    + "application's, so they are charged to no site (the agent did not measure its probes' cost).",
                    samples));
        }
        return List.of(String.format("%d CPU samples were taken inside the agent's own probes. A sample lands just "
                + "after the instruction that was running, so the cost of a locked instruction right before a probe is "
                + "sampled inside it: each line is charged its probe samples' time beyond its ops' probes' cost as the "
                + "agent measured it (%.1f ms in all); the probes' own cost (%.1f ms) is charged to no site.",
                samples, charged / 1e6, cost / 1e6));
    }
}
