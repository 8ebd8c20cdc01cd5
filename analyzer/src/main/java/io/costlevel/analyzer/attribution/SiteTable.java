package io.costlevel.analyzer.attribution;

import io.costlevel.analyzer.input.AgentSite;
import io.costlevel.analyzer.input.ProbeCost;

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
    private long probeSamples;
    private int jvmsRead;
    private final long[] unchargedCpuSamples = new long[Uncharged.values().length];

    public SiteTally tally(SiteKey key) {
        return sites.computeIfAbsent(key, SiteTally::new);
    }

    /** The site's tally, or null when nothing was charged to it. */
    SiteTally find(SiteKey key) {
        return sites.get(key);
    }

    /** Adds one JVM's agent counters for a site; rates are derived later from the run's wall time. */
    public void addAgentSite(AgentSite counters) {
        addAgentSite(new SiteKey(counters.className(), counters.methodName(), counters.line()), counters);
    }

    /**
     * One recording is read: the threads it saw at each site are that JVM's (a JDK recording and async-profiler's,
     * of one JVM, see the same threads under different ids, so they are not added together).
     */
    public void endRecording() {
        sites.values().forEach(SiteTally::endRecording);
    }

    /** One JVM's inputs are read: its threads at each site are final and add to other JVMs'. */
    public void endJvm() {
        endJvm(null);
    }

    /**
     * One JVM's inputs are read; each line is charged the CPU samples taken inside its probes beyond what its ops'
     * probes cost by the agent's measure ({@code probeCost}; null: none is charged).
     */
    public void endJvm(ProbeCost probeCost) {
        int index = jvmsRead++;
        sites.values().forEach(t -> t.endJvm(index, probeCost));
    }

    /** Agent counters charged to {@code line}: a library site's share charged to the application line that called it. */
    public void addAgentSite(SiteKey line, AgentSite counters) {
        SiteTally t = tally(line);
        t.addAgent(counters);
        t.probed(counters);
    }

    /** One library call's counters charged to {@code line}, whose ops are those of its busiest site {@code busiest}. */
    public void addLibraryCall(SiteKey line, AgentSite call, AgentSite busiest, List<AgentSite> parts) {
        SiteTally t = tally(line);
        t.addLibraryCall(call, busiest, parts);
        parts.forEach(t::probed); // each part's ops ran its probes, the call's (the busiest part's) are fewer
    }

    /** A chain from {@code line} to a mechanism, weighed by the time the counters behind it stand for. */
    public void addChain(SiteKey line, List<String> chain, AgentSite counters) {
        tally(line).addChain(chain, counters);
    }

    /** Resolves a stack's attribution once; its events are then charged through the returned handle. */
    public Charge charge(Attribution at) {
        if (at.site() == null) {
            return new Charge(this, null, null, at.parkFrame(), null, at.uncharged(), false);
        }
        SiteTally t = tally(at.site());
        return new Charge(this, t, t.chainCounter(at.primitives()), at.parkFrame(), at.syncFrame(), at.uncharged(),
                at.startsThread());
    }

    /**
     * Adds the thread time one recording's CPU samples at a site stand for, once its sampling period is known.
     *
     * @param exactPeriod the period is the one the sampler ran with (the agent said so), not estimated from the
     *                    samples' spacing, which is too long where threads wait for a core
     */
    public void cpuTime(SiteKey site, long samples, double samplingPeriodNanos, boolean exactPeriod) {
        SiteTally t = tally(site);
        t.cpuNanos += samples * samplingPeriodNanos;
        if (exactPeriod) {
            t.exactPeriodCpuSamples += samples;
        }
    }

    /** As {@link #cpuTime}, for the samples taken inside the agent's probes inlined at the site. */
    public void probeTime(SiteKey site, long samples, double samplingPeriodNanos, boolean exactPeriod) {
        tally(site).probeTime(samples, samplingPeriodNanos, exactPeriod);
    }

    void unattributed(long weight) {
        unattributedEvents += weight;
    }

    void probeSamples(long samples) {
        probeSamples += samples;
    }

    /** CPU samples taken inside the agent's probes: its own cost, never charged to a site. */
    public long probeSamples() {
        return probeSamples;
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
