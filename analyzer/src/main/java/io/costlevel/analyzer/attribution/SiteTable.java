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
        SiteTally t = tally(new SiteKey(counters.className(), counters.methodName(), counters.line()));
        t.addAgent(counters);
        if (uptimeSeconds > 0) {
            // JVMs of one service run side by side: their rates add up.
            t.opsPerSecond += counters.ops() / uptimeSeconds;
        }
    }

    public void cpuSample(Attribution at, long threadKey, long samples) {
        SiteTally t = charge(at, threadKey, samples);
        if (t != null) {
            t.cpuSamples += samples;
        }
    }

    /** Adds the thread time one recording's CPU samples at a site stand for, once its sampling period is known. */
    public void cpuTime(SiteKey site, long samples, double samplingPeriodNanos) {
        tally(site).cpuNanos += samples * samplingPeriodNanos;
    }

    public void park(Attribution at, long threadKey, long nanos) {
        SiteTally t = charge(at, threadKey, 1);
        if (t != null) {
            t.parkEvents++;
            t.parkNanos += nanos;
        }
    }

    public void monitorEnter(Attribution at, long threadKey, long nanos) {
        SiteTally t = charge(at, threadKey, 1);
        if (t != null) {
            t.monitorEvents++;
            t.monitorNanos += nanos;
        }
    }

    public void monitorWait(Attribution at, long threadKey, long nanos) {
        SiteTally t = charge(at, threadKey, 1);
        if (t != null) {
            t.waitEvents++;
            t.waitNanos += nanos;
        }
    }

    public void sleep(Attribution at, long threadKey, long nanos) {
        SiteTally t = charge(at, threadKey, 1);
        if (t != null) {
            t.sleepEvents++;
            t.sleepNanos += nanos;
        }
    }

    private SiteTally charge(Attribution at, long threadKey, long weight) {
        if (at.site() == null) {
            unattributedEvents += weight;
            return null;
        }
        SiteTally t = tally(at.site());
        t.addThread(threadKey);
        t.addPrimitive(at.primitives(), weight);
        return t;
    }

    /** Events (or samples) whose stack held no application frame: JDK threads, GC, compiler. */
    public long unattributedEvents() {
        return unattributedEvents;
    }

    public List<SiteTally> all() {
        return new ArrayList<>(sites.values());
    }
}
