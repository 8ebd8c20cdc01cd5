package io.costlevel.analyzer.forecast;

import io.costlevel.analyzer.forecast.rules.BlockingRule;
import io.costlevel.analyzer.forecast.rules.PlainCodeRule;
import io.costlevel.analyzer.forecast.rules.PreemptedHolderRule;
import io.costlevel.analyzer.forecast.rules.SharedStateRule;
import io.costlevel.analyzer.forecast.rules.SpinRule;
import io.costlevel.analyzer.forecast.rules.SpreadLinesRule;
import io.costlevel.analyzer.forecast.rules.UnchangedRule;
import io.costlevel.analyzer.forecast.rules.VirtualBlockRule;
import io.costlevel.analyzer.forecast.rules.YieldRule;
import io.costlevel.analyzer.input.InputException;
import io.costlevel.analyzer.report.Site;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Puts the analysed inputs together per site and asks the rules, in order, what each site becomes at
 * the target; the first rule whose mechanism is at the site decides. The scalability fit gives the ns/op.
 */
public final class Forecaster {
    /** Costliest mechanism first: a lock that spins is decided by its spinning, not by its shared line. */
    private static final List<ForecastRule> RULES = List.of(new SpinRule(), new YieldRule(), new BlockingRule(),
            new VirtualBlockRule(), new SpreadLinesRule(), new PreemptedHolderRule(), new SharedStateRule(), new PlainCodeRule(), new UnchangedRule());

    private Forecaster() {}

    /**
     * @param threads N, or null for 4x the most threads of any input
     * @param cores   M, or null for the inputs' cores
     */
    public static Forecast forecast(List<ObservedRun> inputs, Integer threads, Integer cores) throws InputException {
        List<ObservedRun> runs = ForecastChecks.checked(inputs);
        ObservedRun today = runs.get(runs.size() - 1);
        int todayCores = runs.stream().mapToInt(ObservedRun::cores).max().orElse(0);
        Target target = new Target(threads != null ? threads : 4 * today.threads(), cores != null ? cores : todayCores);
        ForecastChecks.checkCores(target, todayCores);

        List<String> notes = new ArrayList<>();
        UslFit runFit = runs.size() >= 2 ? UslFitter.fit(runThroughputs(runs), target.threads()) : null;
        if (runFit == null) {
            notes.add("one input: tiers come from the mechanisms alone; give runs at 2 or more thread counts for a scalability fit and ns/op");
        }
        if (!today.hasAgent()) {
            notes.add(today.label() + " has no agent counters: spins, yields, CAS failures and shared lines are not seen, confidence is low");
        }
        List<SiteForecast> sites = new ArrayList<>();
        for (SiteHistory history : histories(runs)) {
            sites.add(forecastSite(history, target, runFit));
        }
        sites.sort(Comparator.comparingInt(SiteForecast::forecastTier).reversed()
                .thenComparing(Comparator.comparingInt(SiteForecast::tier).reversed()));
        return new Forecast(target, runs, runFit, List.copyOf(sites), List.copyOf(notes));
    }

    static SiteForecast forecastSite(SiteHistory history, Target target, UslFit runFit) {
        Move move = RULES.stream().map(r -> r.forecast(history, target)).filter(m -> m != null).findFirst().orElseThrow();
        Site today = history.today().site();
        List<String> reasons = new ArrayList<>();
        reasons.add(move.reason());
        UslFit siteFit = siteFit(history, target);
        UslFit fit = siteFit != null ? siteFit : runFit;
        Double forecastNs = null;
        boolean lowerBound = false;
        if (fit != null && today.nsPerOp() != null) {
            int todayThreads = history.today().runThreads();
            double scale = fit.nsPerOpAt(target.threads()) / fit.nsPerOpAt(todayThreads);
            forecastNs = today.nsPerOp() * scale;
            lowerBound = beyondFit(history, target, move);
            reasons.add(String.format(Locale.ROOT, "%s fit (sigma %.3g, kappa %.3g): thread time per op x%.2f from %d to %d threads, %.4g -> %s%.4g ns/op%s",
                    siteFit != null ? "the site's" : "the run's", fit.sigma(), fit.kappa(), scale, todayThreads,
                    target.threads(), today.nsPerOp(), lowerBound ? "at least " : "", forecastNs,
                    lowerBound ? " (no input ran in the regime where its mechanism moves it up: the cost there is beyond the fit)"
                            : fit.trustworthy() ? "" : " (fit not trustworthy: " + String.join("; ", fit.caveats()) + ")"));
        }
        return new SiteForecast(history.className(), history.methodName(), history.line(), history.kind(), today.tier(),
                today.threads(), today.nsPerOp(), move.tier(), move.mechanism(), move.confidence(), List.copyOf(reasons),
                forecastNs, lowerBound, siteFit);
    }

    /**
     * True when the forecast tier is above every measured one and no input ran in the target's regime (as many or
     * more threads than cores, one thread or several): the mechanism that moves the site starts past the fitted
     * runs, so the fit's ns/op is only a floor (the spinning ticket lock's 50 ms at 8 threads on 2 cores is not on
     * any curve through its 1- and 2-thread costs).
     */
    private static boolean beyondFit(SiteHistory history, Target target, Move move) {
        int highest = history.points().stream().mapToInt(p -> p.site().tier()).max().orElse(0);
        boolean regimeSeen = history.points().stream().anyMatch(p -> p.oversubscribed() == target.oversubscribed()
                && (p.threads() >= 2) == (target.threads() >= 2));
        return move.tier() > highest && !regimeSeen;
    }

    /**
     * The site's own fit, or null with fewer than two thread counts. Its throughput is the one its measured cost
     * implies, threads x 1e9 / nsPerOp: the agent times the op itself, while ops per second over the JVM's uptime
     * would carry start-up and idle time that differ from run to run.
     */
    private static UslFit siteFit(SiteHistory history, Target target) {
        List<Throughput> points = history.points().stream()
                .filter(p -> p.site().nsPerOp() != null && p.site().nsPerOp() > 0)
                .map(p -> new Throughput(p.runThreads(), p.threads() * 1e9 / p.site().nsPerOp()))
                .toList();
        return points.stream().mapToInt(Throughput::threads).distinct().count() >= 2 ? UslFitter.fit(points, target.threads()) : null;
    }

    /**
     * The run's throughput: the ops per second of its most executed atomic, lock or monitor site, the
     * operation the workers repeat (spin, yield and park counts grow with the waiting, not with the work), over
     * the JVM's uptime: the throughput a user of the run sees, start-up included.
     */
    static List<Throughput> runThroughputs(List<ObservedRun> runs) throws InputException {
        List<Throughput> points = new ArrayList<>();
        for (ObservedRun run : runs) {
            double ops = run.report().sites().stream()
                    .filter(s -> List.of("atomic", "lock", "monitor").contains(s.kind()) && s.opsPerSecond() != null)
                    .mapToDouble(Site::opsPerSecond).max().orElse(0);
            if (ops <= 0) {
                throw new InputException(run.label() + ": no atomic, lock or monitor ops counted, so no throughput to fit "
                        + "(record the runs with the agent, or give one input for a forecast from the mechanisms alone)");
            }
            points.add(new Throughput(run.threads(), ops));
        }
        return points;
    }

    private static List<SiteHistory> histories(List<ObservedRun> runs) {
        Map<String, List<SitePoint>> byPlace = new LinkedHashMap<>();
        Map<String, Site> first = new LinkedHashMap<>();
        for (ObservedRun run : runs) {
            for (Site site : run.report().sites()) {
                String key = site.className() + "#" + site.methodName() + "#" + site.line();
                first.putIfAbsent(key, site);
                byPlace.computeIfAbsent(key, k -> new ArrayList<>())
                        .add(new SitePoint(site, run.threads(), run.cores(), run.hasAgent()));
            }
        }
        List<SiteHistory> histories = new ArrayList<>();
        byPlace.forEach((key, points) -> {
            Site s = first.get(key);
            histories.add(new SiteHistory(s.className(), s.methodName(), s.line(), points));
        });
        return histories;
    }
}
