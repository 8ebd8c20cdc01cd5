package io.costlevel.analyzer.diff;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The text view of a diff: the reported changes by kind, costliest first, each with the figures that moved. */
public final class DiffText {
    private DiffText() {}

    public static void print(Diff diff, PrintStream out) {
        out.printf("costlevel diff: BASE %s -> NEW %s%n", side(diff.base()), side(diff.now()));
        diff.notes().forEach(n -> out.println("note: " + n));
        List<SiteChange> reported = diff.reported();
        Change heading = null;
        for (SiteChange c : reported) {
            if (c.change() != heading) {
                heading = c.change();
                out.println();
                out.println(heading.heading() + (heading == Change.NEW || heading == Change.GONE
                        ? " (L" + Differ.NEW_SITE_MIN_TIER + " and above)" : "") + ":");
            }
            site(c, out);
        }
        List<SiteChange> uncertain = diff.uncertain();
        if (!uncertain.isEmpty()) {
            out.println();
            out.println("Uncertain, too little evidence to tell (no verdict, no rule):");
            uncertain.forEach(c -> site(c, out));
        }
        out.println();
        out.println(summary(diff, reported));
        out.println("test: " + diff.test());
    }

    private static String side(ReportSide s) {
        return String.format(Locale.ROOT, "%s (%s cores, %.1f s, %s)", s.label(), s.cores() > 0 ? s.cores() : "?",
                s.durationSeconds(), s.sources().isEmpty() ? "no sources" : String.join("+", s.sources()));
    }

    private static void site(SiteChange c, PrintStream out) {
        SiteView b = c.base();
        SiteView n = c.now();
        SiteView cur = c.pair().current();
        String tiers = b == null ? "new L" + n.tier() : n == null ? "was L" + b.tier() : "L" + b.tier() + " -> L" + n.tier();
        out.printf("  %-10s %s  %s %s%s%s%n", tiers, cur.label(), cur.kind(), cur.className(),
                c.pair().lineMoved() ? " (line " + b.line() + " moved to " + n.line() + ")" : "", c.certain() ? "" : "  " + why(c));
        out.printf("             ns/op %s   ops/s %s   share %s%s%n",
                pair(b == null ? null : b.nsPerOp(), n == null ? null : n.nsPerOp(), DiffText::ns),
                pair(b == null ? null : b.opsPerSecond(), n == null ? null : n.opsPerSecond(), DiffText::rate),
                pair(b == null ? null : b.shareOfTime(), n == null ? null : n.shareOfTime(), DiffText::percent),
                c.nsPerOpGrowth() == null ? "" : String.format(Locale.ROOT, "   ns/op %+.0f%% (%s)", 100 * c.nsPerOpGrowth(),
                        c.nsPerOpConfirmed() ? "confirmed by the evidence" : "not confirmed by any sampled figure"));
        for (EvidenceChange e : c.changedEvidence()) {
            out.printf(Locale.ROOT, "             %s %s -> %s (%s, z = %+.1f)%n", e.name(), figure(e, e.base()),
                    figure(e, e.now()), e.test(), e.z());
        }
    }

    private static String why(SiteChange c) {
        return c.pair().matched() ? "(no figure behind the move changed beyond the noise)"
                : "(its counts are within the noise of none in the other run)";
    }

    private static String summary(Diff diff, List<SiteChange> reported) {
        long compared = diff.changes().stream().filter(c -> c.pair().matched() && !c.hidden()).count();
        long hidden = diff.changes().stream().filter(SiteChange::hidden).count();
        long quietNew = diff.changes().stream().filter(c -> !c.hidden() && c.change() != Change.UNCHANGED
                && !Diff.isReported(c) && !Diff.isUncertain(c)).count();
        String head = reported.isEmpty() ? "no change beyond the noise"
                : reported.size() + " change" + (reported.size() == 1 ? "" : "s") + " beyond the noise";
        return String.format(Locale.ROOT, "%s: %d sites in both runs compared%s%s", head, compared,
                quietNew == 0 ? "" : ", " + quietNew + " new or gone below L" + Differ.NEW_SITE_MIN_TIER + " not listed",
                hidden == 0 ? "" : String.format(Locale.ROOT, ", %d hidden (idle, or below --min-share %s)", hidden,
                        percent(diff.minShare())));
    }

    interface Format {
        String of(double v);
    }

    private static String pair(Double base, Double now, Format f) {
        return (base == null ? "-" : f.of(base)) + " -> " + (now == null ? "-" : f.of(now));
    }

    static String ns(double v) {
        return v >= 1000 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.3g", v);
    }

    static String rate(double v) {
        return v >= 1e6 ? String.format(Locale.ROOT, "%.3gM", v / 1e6) : v >= 1e3 ? String.format(Locale.ROOT, "%.3gk", v / 1e3)
                : String.format(Locale.ROOT, "%.3g", v);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    private static String figure(EvidenceChange e, double v) {
        return e.test().startsWith("two-proportion") ? String.format(Locale.ROOT, "%.3g%%", 100 * v) : String.format(Locale.ROOT, "%.3g", v);
    }
}
