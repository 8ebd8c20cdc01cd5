package io.costlevel.analyzer.forecast;

import io.costlevel.analyzer.classify.CarrierPinning;
import io.costlevel.analyzer.report.Site;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Report sites and their histories as the forecast reads them, built in one place (Site's shape changes with the report). */
public final class TestSites {
    private final String kind;
    private final Map<String, Object> evidence = new LinkedHashMap<>();
    private int tier = 1;
    private int threads = 1;
    private Double nsPerOp;
    private List<String> primitives = List.of();
    private CarrierPinning pinning;
    private Double opsPerSecond;
    private double share = 0.5;

    private final String className;

    private TestSites(String kind, String className) {
        this.kind = kind;
        this.className = className;
    }

    static TestSites site(String kind) {
        return new TestSites(kind, "com.acme.Hot");
    }

    /**
     * A forecast for the page tests: a spin site of {@code className} that moves L2 -> L5 and a striped adder that
     * stays L1, from a 1- and a 2-thread run on 2 cores, at 8 threads.
     */
    public static Forecast pageForecast(String className) {
        Target target = new Target(8, 2);
        TestSites spin = new TestSites("spin", className).tier(2).threads(2).nsPerOp(500).count("ops", 9_000_000)
                .count("spins", 9_000_000).count("spinWaits", 19_000);
        TestSites adder = new TestSites("atomic", className).tier(1).threads(2).nsPerOp(6).count("ops", 50_000_000)
                .primitive("java.util.concurrent.atomic.LongAdder.increment");
        UslFit fit = UslFitter.fit(List.of(new Throughput(1, 1e8), new Throughput(2, 4e6)), target.threads());
        List<SiteForecast> sites = List.of(Forecaster.forecastSite(spin.today(2), target, fit),
                Forecaster.forecastSite(adder.today(2), target, fit));
        List<ObservedRun> runs = List.of(new ObservedRun("out-1t", null, 1, 2, true), new ObservedRun("out-2t", null, 2, 2, true));
        return new Forecast(target, runs, fit, sites, List.of("a note"));
    }

    TestSites tier(int v) { tier = v; return this; }
    TestSites threads(int v) { threads = v; evidence.put("threads", v); return this; }
    TestSites nsPerOp(double v) { nsPerOp = v; return this; }
    TestSites primitive(String p) { primitives = List.of(p); return this; }
    TestSites count(String name, long value) { evidence.put(name, value); return this; }
    TestSites pinning(CarrierPinning p) { pinning = p; return this; }
    TestSites opsPerSecond(double v) { opsPerSecond = v; return this; }
    TestSites share(double v) { share = v; return this; }

    Site build() {
        return new Site(className, "run", 42, kind, tier, "high", nsPerOp, opsPerSecond, share, threads, primitives,
                evidence, List.of(), null, java.util.Map.of(Integer.toString(tier), 1.0), false, null, null, List.of(), pinning);
    }

    /** This site as the one point of a history, measured with the agent on {@code cores} cores. */
    SiteHistory today(int cores) {
        return new SiteHistory(className, "run", 42, List.of(new SitePoint(build(), threads, cores, true)));
    }
}
