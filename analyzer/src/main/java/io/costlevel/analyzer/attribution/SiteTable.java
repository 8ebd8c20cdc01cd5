package io.costlevel.analyzer.attribution;

import io.costlevel.analyzer.input.AgentSite;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * All sites of the analysed run(s), keyed by (class, method, line), where agent counters and
 * recording events of every input join. Also counts what could not be charged to application code.
 */
public final class SiteTable {
    private final Map<SiteKey, SiteTally> sites = new HashMap<>();
    private long unattributedEvents;
    private final long[] unchargedCpuSamples = new long[Uncharged.values().length];

    public SiteTally tally(SiteKey key) {
        return sites.computeIfAbsent(key, SiteTally::new);
    }

    /** @param uptimeSeconds how long that JVM's agent counted, to turn ops into ops per second */
    public void addAgentSite(AgentSite counters, double uptimeSeconds) {
        SiteTally t = tally(new SiteKey(counters.className(), counters.methodName(), counters.line()));
        t.addAgent(counters);
        if (uptimeSeconds > 0) {
            // JVMs of one service run side by side: their rates add up.
            t.opsPerSecond += counters.ops() / uptimeSeconds;
        }
    }

    /** Resolves a stack's attribution once; its events are then charged through the returned handle. */
    public Charge charge(Attribution at) {
        if (at.site() == null) {
            return new Charge(this, null, null, at.parkFrame(), at.uncharged());
        }
        SiteTally t = tally(at.site());
        return new Charge(this, t, t.chainCounter(at.primitives()), at.parkFrame(), Uncharged.NOT);
    }

    /** Adds the thread time one recording's CPU samples at a site stand for, once its sampling period is known. */
    public void cpuTime(SiteKey site, long samples, double samplingPeriodNanos) {
        tally(site).cpuNanos += samples * samplingPeriodNanos;
    }

    void unattributed(long weight) {
        unattributedEvents += weight;
    }

    /** Events (or samples) whose stack held no application frame: JDK threads, GC, compiler. */
    public long unattributedEvents() {
        return unattributedEvents;
    }

    void unchargedCpu(Uncharged why, long samples) {
        unchargedCpuSamples[why.ordinal()] += samples;
    }

    /** CPU samples charged to no application line, for {@code why}. */
    public long unchargedCpuSamples(Uncharged why) {
        return unchargedCpuSamples[why.ordinal()];
    }

    public List<SiteTally> all() {
        return new ArrayList<>(sites.values());
    }
}
