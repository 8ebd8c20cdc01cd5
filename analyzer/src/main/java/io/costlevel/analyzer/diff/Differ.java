package io.costlevel.analyzer.diff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Decides, per pair of sites, what changed. A figure changed when its noise test says so
 * ({@link Measure}, {@link Noise}); a tier move or an ns/op change is only believed with such a figure
 * behind it, because the report carries no spread for its mean latency: two runs of the same
 * program on a busy machine measured 15 and 62 ns/op for one uncontended atomic (time slices
 * charged to timed ops), with the same CPU samples per op and no CAS failure or handoff in either.
 */
public final class Differ {
    /** New and gone sites are news from the tier where threads start to interact (L2 true sharing) up. */
    public static final int NEW_SITE_MIN_TIER = 2;

    private final double minShare;

    /** @param minShare sites whose share of time is below this in both runs are hidden (0 shows all) */
    public Differ(double minShare) {
        this.minShare = minShare;
    }

    public Diff compare(ReportSide base, ReportSide now) {
        List<SitePair> pairs = SiteMatcher.match(base.sites(), now.sites());
        List<SitePair> matched = pairs.stream().filter(SitePair::matched).toList();
        RunTotals baseRun = RunTotals.of(base, matched.stream().map(SitePair::base).toList());
        RunTotals nowRun = RunTotals.of(now, matched.stream().map(SitePair::now).toList());
        List<SiteChange> changes = new ArrayList<>();
        for (SitePair pair : pairs) {
            changes.add(judge(pair, base, baseRun, now, nowRun));
        }
        changes.sort(Comparator.comparing((SiteChange c) -> !Diff.isReported(c))
                .thenComparing(c -> !Diff.isUncertain(c))
                .thenComparing(SiteChange::change)
                .thenComparing(Comparator.comparingDouble((SiteChange c) -> c.pair().share()).reversed())
                .thenComparing(Comparator.comparingInt((SiteChange c) -> c.pair().tier()).reversed()));
        return new Diff(base, now, changes, minShare, notes(base, now));
    }

    private SiteChange judge(SitePair pair, ReportSide baseSide, RunTotals baseRun, ReportSide nowSide, RunTotals nowRun) {
        boolean hidden = pair.share() < minShare || pair.current().idle();
        if (!pair.matched()) {
            boolean isNew = pair.now() != null;
            boolean backed = isNew ? Measures.present(pair.now(), nowSide, baseSide) : Measures.present(pair.base(), baseSide, nowSide);
            return new SiteChange(pair, isNew ? Change.NEW : Change.GONE, backed, null, false, List.of(), hidden);
        }
        SiteView b = pair.base();
        SiteView n = pair.now();
        List<EvidenceChange> evidence = Measures.ALL.stream()
                .map(m -> m.compare(b, baseRun, n, nowRun))
                .filter(Objects::nonNull)
                .toList();
        // What the site costs per operation, as opposed to how much it is used (its events per second, its
        // share). Without the agent there is no op: then how much it is used is all there is to back a tier.
        boolean counted = b.has("ops") || n.has("ops");
        List<EvidenceChange> cost = evidence.stream()
                .filter(e -> e.perOp() || (!counted && !e.name().equals(Measures.CPU_SHARE))).toList();
        boolean backed = cost.stream().anyMatch(EvidenceChange::changed);
        Double growth = b.nsPerOp() == null || n.nsPerOp() == null || b.nsPerOp() <= 0 ? null : n.nsPerOp() / b.nsPerOp() - 1;
        boolean costRose = cost.stream().anyMatch(EvidenceChange::rose);
        boolean costFell = cost.stream().anyMatch(EvidenceChange::fell);
        boolean confirmed = growth != null && (growth > 0 ? costRose : growth < 0 && costFell);
        // A share is relative: it also grows when another site got cheaper, when a longer warm-up or another
        // compilation of one loop charges its samples to a different line of it (two identical one-thread runs of
        // S04: the CAS line 51.8 % -> 85.0 % of ~83 samples, z = +4.6, CI of 2026-12-05). So the site's own CPU
        // per second of run must have grown beyond the noise as well: 43 -> 70 samples in ~1.9 s is z = +2.4.
        boolean shareRose = n.shareOfTime() > b.shareOfTime()
                && rose(evidence, Measures.CPU_SHARE) && rose(evidence, Measures.CPU_PER_SECOND);

        Change change;
        boolean certain = true;
        if (n.tier() != b.tier()) {
            change = n.tier() > b.tier() ? Change.TIER_UP : Change.IMPROVED;
            certain = backed;
        } else if ((confirmed && growth > 0) || shareRose) {
            change = Change.COSTLIER;
        } else if (confirmed) {
            change = Change.IMPROVED;
        } else {
            change = Change.UNCHANGED;
        }
        return new SiteChange(pair, change, certain, growth, confirmed, evidence, hidden);
    }

    private static boolean rose(List<EvidenceChange> evidence, String name) {
        return evidence.stream().anyMatch(e -> e.name().equals(name) && e.rose());
    }

    private static List<String> notes(ReportSide base, ReportSide now) {
        List<String> notes = new ArrayList<>();
        if (base.cores() > 0 && now.cores() > 0 && base.cores() != now.cores()) {
            notes.add(String.format("BASE ran on %d cores, NEW on %d: a tier can move with the machine, not the code",
                    base.cores(), now.cores()));
        }
        return notes;
    }
}
