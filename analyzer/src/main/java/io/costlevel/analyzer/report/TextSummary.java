package io.costlevel.analyzer.report;

import java.io.PrintStream;

/** The short text view printed when neither --json nor --html is given: the top sites and their tiers. */
public final class TextSummary {
    static final int TOP_SITES = 15;

    private TextSummary() {}

    public static void print(Report report, PrintStream out) {
        RunInfo run = report.run();
        out.printf("costlevel: %d sites, %s, %d cores, %.1f s, from %s%n", report.sites().size(),
                run.jvm() == null ? "JVM unknown" : run.jvm(), run.cores(), run.durationSeconds(), String.join(", ", run.sources()));
        out.printf("%-4s %-10s %6s %12s %12s  %s%n", "tier", "kind", "share", "ns/op", "ops/s", "site");
        report.sites().stream().limit(TOP_SITES).forEach(s -> {
            out.printf("L%-3d %-10s %6s %12s %12s  %s.%s:%d%n",
                    s.tier(), s.kind(), s.idle() ? s.waitKind() == null ? "idle" : s.waitKind().replace("I/O wait", "I/O") : String.format("%5.1f%%", 100 * s.shareOfTime()),
                    number(s.nsPerOp()), number(s.opsPerSecond()), s.className(), s.methodName(), s.line());
            if (s.chain() != null) {
                // Where the line's tier comes from when it lies in a library or the JDK.
                out.printf("%51s-> %s%n", "", String.join(" -> ", s.chain().subList(1, s.chain().size())));
            }
        });
        if (report.sites().size() > TOP_SITES) {
            out.printf("... %d more sites (use --json or --html for all)%n", report.sites().size() - TOP_SITES);
        }
        report.sites().stream().filter(s -> s.pinning() != null).forEach(s -> out.printf(
                "pinning: %s.%s:%d: %d virtual-thread blocks kept their carrier blocked%s%s%n",
                s.className(), s.methodName(), s.line(), s.pinning().events(),
                s.pinning().frame() == null ? "" : " (" + s.pinning().frame() + ")",
                s.pinning().starvesCarriers() ? String.format("; carrier starvation: %.0f%% of the %d carriers' time, "
                        + "all of them for %.0f ms", 100 * s.pinning().carrierShare(), s.pinning().carriers(),
                        s.pinning().allCarriersPinnedNanos() / 1e6) : ""));
        if (report.carrierStarvation() != null) {
            out.println("carriers: " + report.carrierStarvation().summary());
        }
        for (String blind : report.blindSpots()) {
            out.println("note: " + blind);
        }
    }

    private static String number(Double v) {
        if (v == null) {
            return "-";
        }
        return v >= 100 ? String.format("%,.0f", v) : String.format("%.1f", v);
    }
}
