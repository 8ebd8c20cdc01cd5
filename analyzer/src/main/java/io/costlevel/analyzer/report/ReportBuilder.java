package io.costlevel.analyzer.report;

import io.costlevel.analyzer.attribution.SiteTally;
import io.costlevel.analyzer.attribution.UncountedSynchronization;
import io.costlevel.analyzer.classify.AdviceCatalog;
import io.costlevel.analyzer.classify.Assessment;
import io.costlevel.analyzer.classify.CarrierPinning;
import io.costlevel.analyzer.classify.Classifier;
import io.costlevel.analyzer.classify.Evidence;
import io.costlevel.analyzer.classify.MethodOps;
import io.costlevel.analyzer.classify.RunContext;
import io.costlevel.analyzer.classify.SiteFacts;
import io.costlevel.analyzer.classify.SiteTime;
import io.costlevel.analyzer.classify.TimedScales;
import io.costlevel.analyzer.classify.ThreadTimeBound;
import io.costlevel.analyzer.classify.Tiers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Classifies every tallied site and assembles the report: ranked sites costliest first, then the idle ones;
 * per-tier totals. Every share is of one total, written in docs/report.md: the tiered thread time (running and
 * blocked in contention, idle and I/O wait left out) of the ranked sites.
 */
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

    private record Assessed(SiteFacts facts, Assessment assessment) {
        SiteTime time() {
            return assessment.time();
        }

        /** Time that counts in the shares: none for an idle site. */
        double rankedNanos() {
            return time().idle() ? 0 : time().tieredNanos();
        }
    }

    public Report build(Collection<SiteTally> tallies, RunContext run, RunInfo info, List<String> blindSpots) {
        long totalCpuSamples = tallies.stream().mapToLong(SiteTally::cpuSamples).sum();
        run = run.withMethods(MethodOps.of(tallies));
        List<Assessed> kept = assess(tallies, run, totalCpuSamples);
        TimedScales scales = ThreadTimeBound.scales(kept.stream()
                .map(a -> new ThreadTimeBound.Bounded(a.facts().tally(), a.time())).toList(), run.threads(), run.threadNanos());
        if (scales.any()) {
            run = run.withTimedScales(scales);
            kept = assess(tallies, run, totalCpuSamples);
        }
        double totalNanos = kept.stream().mapToDouble(Assessed::rankedNanos).sum();
        double[] tierNanos = new double[Tiers.count()];
        List<Site> sites = new ArrayList<>();
        for (Assessed a : kept) {
            sites.add(site(a, totalNanos, run));
            if (!a.time().idle()) {
                for (int tier = 0; tier < tierNanos.length; tier++) {
                    tierNanos[tier] += a.time().nanosIn(tier);
                }
            }
        }
        sites.sort(Comparator.comparing(Site::idle)
                .thenComparing(Comparator.comparingDouble(Site::shareOfTime).reversed())
                .thenComparing(Comparator.comparingInt(Site::tier).reversed())
                .thenComparing(Site::className).thenComparing(Site::methodName).thenComparingInt(Site::line));
        return new Report(Report.SCHEMA_VERSION, info, tierSummaries(sites, tierNanos, totalNanos), sites, blindSpots);
    }

    /** Every site's assessment, but CPU-only sites with too few samples to say anything. */
    private List<Assessed> assess(Collection<SiteTally> tallies, RunContext run, long totalCpuSamples) {
        List<Assessed> kept = new ArrayList<>();
        for (SiteTally t : tallies) {
            SiteFacts f = new SiteFacts(t, run);
            boolean cpuOnly = !f.synchronizes();
            if (cpuOnly && (t.cpuSamples() < MIN_CPU_ONLY_SAMPLES || t.cpuSamples() < MIN_CPU_ONLY_SAMPLE_SHARE * totalCpuSamples)) {
                continue;
            }
            classifier.assess(f).ifPresent(a -> kept.add(new Assessed(f, a)));
        }
        return kept;
    }

    private Site site(Assessed assessed, double totalNanos, RunContext run) {
        SiteFacts f = assessed.facts();
        Assessment a = assessed.assessment();
        SiteTime time = a.time();
        SiteTally t = f.tally();
        String primitive = f.agent() == null ? null : f.agent().primitive();
        List<String> primitives = primitives(primitive, t);
        double wall = f.wallSeconds();
        Double rate = a.ops() == 0 || wall <= 0 ? null : a.ops() / wall;
        Double opsPerSecond = rate == null ? null : Evidence.round(rate);
        Double ns = a.nsPerOp();
        // A change at this site saves at most the cost it has: its tiered thread time per second of wall time.
        double maxSaving = wall > 0 ? time.tieredNanos() / wall : 0;
        // The advice reads the first primitive: the call whose waits are the line's, before the line's others.
        String advised = f.blockingPrimitive() == null || f.blockingPrimitive().equals(primitive)
                ? String.join("; ", primitives) : f.blockingPrimitive() + "; " + String.join("; ", primitives);
        Advice advice = time.idle() ? null : AdviceCatalog.adviseOn(a.advised(),
                new AdviceCatalog.Costs(ns, rate, maxSaving, AdviceCatalog.plainWork(a.tier(), ns, time)), advised);
        Map<String, Object> evidence = Evidence.of(f);
        putNanos(evidence, "runningNanos", time.runningNanos());
        putNanos(evidence, "contentionNanos", time.contentionNanos());
        putNanos(evidence, "unmountedNanos", time.unmountedNanos());
        putNanos(evidence, "pinnedCarrierNanos", time.pinnedNanos());
        putNanos(evidence, "idleNanos", time.idleNanos());
        putNanos(evidence, "ioWaitNanos", time.ioNanos());
        if (f.agent() == null && a.ops() > 0) {
            evidence.put("methodOps", a.ops()); // a wait loop's ns/op is per op of its method
        }
        return new Site(t.site().className(), t.site().methodName(), t.site().line(), kind(f, time), a.tier(),
                a.verdict().confidence(), ns == null ? null : Evidence.round(ns), opsPerSecond,
                totalNanos == 0 ? 0 : Evidence.round(assessed.rankedNanos() / totalNanos), f.threads(),
                primitives, evidence, a.reasons(), roundAdvice(advice), timeByTier(time), time.idle(),
                time.waitKind() == null ? null : time.waitKind().label(), a.nsPerOpNote(), chain(f, time), CarrierPinning.of(f));
    }

    private static void putNanos(Map<String, Object> evidence, String name, double nanos) {
        if (nanos > 0) {
            evidence.put(name, Math.round(nanos));
        }
    }

    private static Advice roundAdvice(Advice a) {
        if (a == null) {
            return null;
        }
        return new Advice(a.targetTier(), a.summary(), a.how(),
                a.projectedNsPerOp() == null ? null : Evidence.round(a.projectedNsPerOp()),
                a.projectedSavingNsPerSecond() == null ? null : Evidence.round(a.projectedSavingNsPerSecond()));
    }

    /** Fractions of the tiered time by tier, costliest tier last; the largest absorbs rounding so they sum to 1. */
    static Map<String, Double> timeByTier(SiteTime time) {
        Map<String, Double> split = new LinkedHashMap<>();
        if (time.tieredNanos() == 0) {
            return split;
        }
        int largest = time.dominantTier();
        double rest = 0;
        for (int tier = 0; tier < Tiers.count(); tier++) {
            if (time.nanosIn(tier) > 0 && tier != largest) {
                double share = Math.round(time.share(tier) * 1e4) / 1e4;
                split.put(Integer.toString(tier), share);
                rest += share;
            }
        }
        split.put(Integer.toString(largest), Math.round((1 - rest) * 1e4) / 1e4);
        Map<String, Double> ordered = new LinkedHashMap<>();
        split.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }

    /**
     * From the line to the mechanism: the agent's chain (a library site charged here, a JDK call made here); at a line
     * the agent did not count, the frames the recording's blocking events went through where blocking holds most of
     * its time (a counted line's primitive and counts say what it does); else the synchronizing frame its uncounted
     * CPU samples ran in.
     */
    private static List<String> chain(SiteFacts f, SiteTime time) {
        SiteTally t = f.tally();
        List<String> chain = t.chain();
        if (chain != null) {
            return chain;
        }
        chain = f.agent() != null || !time.mostlyBlocked() ? null : RecordedChain.of(t);
        if (chain != null) {
            return chain;
        }
        if (UncountedSynchronization.significant(t)) {
            return List.of(t.site().toString(), UncountedSynchronization.frames(t).split(", ")[0] + ": not counted");
        }
        return null;
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

    /**
     * The agent's kind when it counted the site (a confined call's is no kind of synchronization); else the recording's commonest blocking event where blocking holds
     * most of the line's time; else cpu. One park charged to a line that runs (a class initialized on its first call,
     * seen at ThreadLocalRandom draws on JDK 25) does not make it a park site.
     */
    private static String kind(SiteFacts f, SiteTime time) {
        // A line whose only agent sites are confined calls (left uninstrumented) is read like one without agent sites.
        if (f.agent() != null && !f.agent().isConfined()) {
            return f.agent().kind();
        }
        if (!time.mostlyBlocked()) {
            return "cpu";
        }
        SiteTally t = f.tally();
        long most = Math.max(Math.max(t.parkEvents(), t.monitorEvents()), Math.max(t.waitEvents(), t.sleepEvents()));
        if (most == 0) {
            return "cpu";
        }
        return most == t.parkEvents() ? "park" : most == t.monitorEvents() ? "monitor" : most == t.waitEvents() ? "wait" : "sleep";
    }

    /**
     * Per tier: the ranked sites classified there, and the share of the ranked sites' tiered time spent in that
     * tier (a site split between tiers adds to each), so the six shares sum to 1.
     */
    private static List<TierSummary> tierSummaries(List<Site> sites, double[] tierNanos, double totalNanos) {
        List<TierSummary> tiers = new ArrayList<>();
        for (int tier = 0; tier < Tiers.count(); tier++) {
            final int t = tier;
            int n = (int) sites.stream().filter(s -> !s.idle() && s.tier() == t).count();
            tiers.add(new TierSummary(tier, Tiers.name(tier), n,
                    totalNanos == 0 ? 0 : Evidence.round(tierNanos[tier] / totalNanos)));
        }
        return tiers;
    }
}
