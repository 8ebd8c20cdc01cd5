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

    public SiteTally tally(SiteKey key) {
        return sites.computeIfAbsent(key, SiteTally::new);
    }

    /** @param uptimeSeconds how long that JVM's agent counted, to turn ops into ops per second */
    public void addAgentSite(AgentSite counters, double uptimeSeconds) {
        addAgentSite(new SiteKey(counters.className(), counters.methodName(), counters.line()), counters, uptimeSeconds);
    }

    /** Agent counters charged to {@code line}: their own, or a library site's share charged to its caller. */
    public void addAgentSite(SiteKey line, AgentSite counters, double uptimeSeconds) {
        SiteTally t = tally(line);
        t.addAgent(counters);
        if (uptimeSeconds > 0) {
            // JVMs of one service run side by side: their rates add up.
            t.opsPerSecond += counters.ops() / uptimeSeconds;
        }
    }

    /** A chain from {@code line} to a mechanism, weighed by the time the counters behind it stand for. */
    public void addChain(SiteKey line, List<String> chain, AgentSite counters) {
        tally(line).addChain(chain, counters);
    }

    /** Resolves a stack's attribution once; its events are then charged through the returned handle. */
    public Charge charge(Attribution at) {
        if (at.site() == null) {
            return new Charge(this, null, null, at.parkFrame(), null);
        }
        SiteTally t = tally(at.site());
        return new Charge(this, t, t.chainCounter(at.primitives()), at.parkFrame(), at.syncFrame());
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

    public List<SiteTally> all() {
        return new ArrayList<>(sites.values());
    }
}
