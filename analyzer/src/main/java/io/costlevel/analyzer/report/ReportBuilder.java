package io.costlevel.analyzer.report;

import io.costlevel.analyzer.attribution.SiteTally;
import io.costlevel.analyzer.classify.AdviceCatalog;
import io.costlevel.analyzer.classify.CarrierPinning;
import io.costlevel.analyzer.classify.Classifier;
import io.costlevel.analyzer.classify.Evidence;
import io.costlevel.analyzer.classify.RunContext;
import io.costlevel.analyzer.classify.SiteFacts;
import io.costlevel.analyzer.classify.Tiers;
import io.costlevel.analyzer.classify.Verdict;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Classifies every tallied site and assembles the report: sites costliest first, per-tier totals. */
public final class ReportBuilder {
    /**
     * Sites seen only in CPU samples with less than this share of all attributed CPU samples are
     * dropped: a handful of samples on a line is sampling noise, not a hot line.
     */
    static final double MIN_CPU_ONLY_SAMPLE_SHARE = 0.01;
    /** ... and fewer samples than this in absolute terms (a short run sampled every 10-20 ms has few). */
    static final long MIN_CPU_ONLY_SAMPLES = 3;
    /** How many primitive chains a site lists, most frequent first. */
    static final int MAX_PRIMITIVES = 3;

    private final Classifier classifier = new Classifier();

    public Report build(Collection<SiteTally> tallies, RunContext run, RunInfo info, List<String> blindSpots) {
        long totalCpuSamples = tallies.stream().mapToLong(SiteTally::cpuSamples).sum();
        List<SiteFacts> kept = new ArrayList<>();
        for (SiteTally t : tallies) {
            SiteFacts f = new SiteFacts(t, run);
            boolean cpuOnly = !f.synchronizes();
            if (cpuOnly && (t.cpuSamples() < MIN_CPU_ONLY_SAMPLES || t.cpuSamples() < MIN_CPU_ONLY_SAMPLE_SHARE * totalCpuSamples)) {
                continue;
            }
            kept.add(f);
        }
        double totalNanos = kept.stream().mapToDouble(SiteFacts::threadNanos).sum();
        List<Site> sites = new ArrayList<>();
        for (SiteFacts f : kept) {
            classifier.classify(f).ifPresent(v -> sites.add(site(f, v, totalNanos)));
        }
        sites.sort(Comparator.comparingDouble(Site::shareOfTime).reversed()
                .thenComparing(Comparator.comparingInt(Site::tier).reversed())
                .thenComparing(Site::className).thenComparing(Site::methodName).thenComparingInt(Site::line));
        return new Report(Report.SCHEMA_VERSION, info, tierSummaries(sites), sites, blindSpots);
    }

    private Site site(SiteFacts f, Verdict v, double totalNanos) {
        SiteTally t = f.tally();
        String primitive = f.agent() == null ? null : f.agent().primitive();
        List<String> primitives = primitives(primitive, t);
        List<String> reasons = List.of(Tiers.name(v.tier()) + ": " + v.reason());
        Double opsPerSecond = f.opsPerSecond() == null ? null : Evidence.round(f.opsPerSecond());
        Double ns = f.nsPerOp();
        return new Site(t.site().className(), t.site().methodName(), t.site().line(), kind(f), v.tier(), v.confidence(),
                ns == null ? null : Evidence.round(ns), opsPerSecond,
                totalNanos == 0 ? 0 : Evidence.round(f.threadNanos() / totalNanos), f.threads(),
                primitives, Evidence.of(f), reasons, AdviceCatalog.adviseOn(v, f, String.join("; ", primitives)),
                CarrierPinning.of(f));
    }

    /** The agent's primitive first (it is exact), then the recordings' chains, most frequent first. */
    private static List<String> primitives(String agentPrimitive, SiteTally t) {
        List<String> out = new ArrayList<>();
        if (agentPrimitive != null) {
            out.add(agentPrimitive);
        }
        t.primitives().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_PRIMITIVES)
                .forEach(e -> out.add(e.getKey()));
        return out;
    }

    /** The agent's kind when it counted the site; else the recording's commonest blocking event; else cpu. */
    private static String kind(SiteFacts f) {
        if (f.agent() != null) {
            return f.agent().kind();
        }
        SiteTally t = f.tally();
        long most = Math.max(Math.max(t.parkEvents(), t.monitorEvents()), Math.max(t.waitEvents(), t.sleepEvents()));
        if (most == 0) {
            return "cpu";
        }
        return most == t.parkEvents() ? "park" : most == t.monitorEvents() ? "monitor" : most == t.waitEvents() ? "wait" : "sleep";
    }

    private static List<TierSummary> tierSummaries(List<Site> sites) {
        List<TierSummary> tiers = new ArrayList<>();
        for (int tier = 0; tier < Tiers.count(); tier++) {
            int n = 0;
            double share = 0;
            for (Site s : sites) {
                if (s.tier() == tier) {
                    n++;
                    share += s.shareOfTime();
                }
            }
            tiers.add(new TierSummary(tier, Tiers.name(tier), n, Evidence.round(share)));
        }
        return tiers;
    }
}
