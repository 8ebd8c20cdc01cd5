package io.costlevel.analyzer.forecast;

import java.io.PrintStream;
import java.util.Locale;

/** The forecast for a terminal: the target, the run's fit, then the sites whose tier moves, then the rest. */
public final class ForecastText {
    /** Sites listed; the JSON has them all. */
    static final int MAX_SITES = 25;

    private ForecastText() {}

    public static void print(Forecast f, PrintStream out) {
        out.printf(Locale.ROOT, "Forecast at %d threads on %d cores, from %s%n", f.target().threads(), f.target().cores(),
                String.join(", ", f.runs().stream().map(ForecastText::describe).toList()));
        if (f.fit() != null) {
            out.println("Run: " + describe(f.fit(), f.target().threads()));
        }
        f.notes().forEach(n -> out.println("Note: " + n));
        out.println(headline(f));
        out.println();
        f.sites().stream().limit(MAX_SITES).forEach(s -> {
            out.printf(Locale.ROOT, "L%d -> L%d  %-6s %s.%s:%d (%s, %d threads today)%n", s.tier(), s.forecastTier(),
                    s.confidence(), s.className(), s.methodName(), s.line(), s.kind(), s.threads());
            s.reasons().forEach(r -> out.println("      " + r));
        });
        if (f.sites().size() > MAX_SITES) {
            out.printf(Locale.ROOT, "... %d more sites (--json has them all)%n", f.sites().size() - MAX_SITES);
        }
    }

    /** How many sites move, and the highest tier at the target. */
    static String headline(Forecast f) {
        long moving = f.sites().stream().filter(s -> s.forecastTier() != s.tier()).count();
        int highest = f.sites().stream().mapToInt(SiteForecast::forecastTier).max().orElse(0);
        return String.format(Locale.ROOT, "%d of %d sites change tier; the highest at %d threads on %d cores is L%d",
                moving, f.sites().size(), f.target().threads(), f.target().cores(), highest);
    }

    static String describe(ObservedRun r) {
        return r.label() + " (" + r.threads() + " threads, " + r.cores() + " cores" + (r.hasAgent() ? "" : ", no agent") + ")";
    }

    static String describe(UslFit fit, int target) {
        Double peak = fit.peakThreads();
        return String.format(Locale.ROOT, "USL fit over %d thread counts: lambda %.4g ops/s, sigma %.3g, kappa %.3g, %s; "
                        + "%.4g ops/s at %d threads; RMS error %.1f%%; %s",
                fit.points().size(), fit.lambda(), fit.sigma(), fit.kappa(),
                peak == null ? "no peak (kappa 0)" : String.format(Locale.ROOT, "peak at %.1f threads", peak),
                fit.throughputAt(target), target, 100 * fit.rmsRelativeError(),
                fit.trustworthy() ? "trustworthy" : "not trustworthy: " + String.join("; ", fit.caveats()));
    }
}
