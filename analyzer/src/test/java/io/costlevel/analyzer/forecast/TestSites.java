package io.costlevel.analyzer.forecast;

import io.costlevel.analyzer.report.Site;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Report sites and their histories as the forecast reads them, built in one place (Site's shape changes with the report). */
final class TestSites {
    private final String kind;
    private final Map<String, Object> evidence = new LinkedHashMap<>();
    private int tier = 1;
    private int threads = 1;
    private Double nsPerOp;
    private List<String> primitives = List.of();

    private TestSites(String kind) {
        this.kind = kind;
    }

    static TestSites site(String kind) {
        return new TestSites(kind);
    }

    TestSites tier(int v) { tier = v; return this; }
    TestSites threads(int v) { threads = v; evidence.put("threads", v); return this; }
    TestSites nsPerOp(double v) { nsPerOp = v; return this; }
    TestSites primitive(String p) { primitives = List.of(p); return this; }
    TestSites count(String name, long value) { evidence.put(name, value); return this; }

    Site build() {
        return new Site("com.acme.Hot", "run", 42, kind, tier, "high", nsPerOp, null, 0.5, threads, primitives,
                evidence, List.of(), null);
    }

    /** This site as the one point of a history, measured with the agent on {@code cores} cores. */
    SiteHistory today(int cores) {
        return new SiteHistory("com.acme.Hot", "run", 42, List.of(new SitePoint(build(), threads, cores, true)));
    }
}
