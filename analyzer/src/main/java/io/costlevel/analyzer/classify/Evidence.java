package io.costlevel.analyzer.classify;

import io.costlevel.analyzer.classify.rules.CallCostRule;
import io.costlevel.analyzer.input.AgentSite;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The measured figures a site's tier was decided from, by name (docs/report.md lists every name).
 * Only what was measured appears: a plain recording has no "casFailures", rather than a false 0.
 */
public final class Evidence {
    private Evidence() {}

    public static Map<String, Object> of(SiteFacts f) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("threads", f.threads());
        e.put("cores", f.cores());
        AgentSite a = f.agent();
        if (a != null) {
            e.put("ops", a.ops());
            putIfCounted(e, "latencySamples", a.latencySamples());
            if (f.latencyNs() != null) {
                e.put("latencyNsPerOp", round(f.latencyNs()));
            }
            putIfCounted(e, "casAttempts", a.casAttempts());
            putIfCounted(e, "casFailures", a.casFailures());
            if (a.casAttempts() > 0) {
                e.put("casFailureRatio", round(f.casFailureRatio()));
            }
            putIfCounted(e, "contended", a.contended());
            putIfCounted(e, "contendedNanos", a.contendedNanos());
            putIfCounted(e, "parks", a.parks());
            putIfCounted(e, "parkedNanos", a.parkedNanos());
            if (f.inferredParksLeftOut()) {
                e.put("inferredParksLeftOut", a.parks());
            }
            putIfCounted(e, "waits", a.waits());
            putIfCounted(e, "waitedNanos", a.waitedNanos());
            putIfCounted(e, "sleeps", a.sleeps());
            putIfCounted(e, "sleptNanos", a.sleptNanos());
            if (f.blocks() > 0) {
                e.put("blocksPerOp", round(f.blocksPerOp()));
                e.put("blockedNsPerOp", round(f.blockedNsPerOp()));
            }
            putIfCounted(e, "yields", a.yields());
            putIfCounted(e, "spins", a.spins());
            putIfCounted(e, "spinWaits", a.spinWaits());
            if (a.spins() > 0) {
                e.put("spinsPerWait", round(f.spinsPerWait()));
            }
            putIfCounted(e, "wakeups", a.wakeups());
            putIfCounted(e, "handoffChecks", a.handoffChecks());
            putIfCounted(e, "handoffs", a.handoffs());
            if (a.handoffChecks() > 0) {
                e.put("handoffRatio", round(f.handoffRatio()));
                // The sampled count scaled to every op, so it reads beside the exact counts.
                e.put("handoffsEstimated", Math.round(f.handoffRatio() * a.ops()));
                // Shared vs confined state (issue 16): checks on the line last touched here, and on lines another thread touched before.
                if (a.sameLineChecks() != AgentSite.NOT_COUNTED) {
                    e.put("sameLineChecks", a.sameLineChecks());
                    e.put("sharedLineChecks", a.sharedLineChecks());
                }
                if (a.lineHandoffs() != AgentSite.NOT_COUNTED) {
                    e.put("lineHandoffs", a.lineHandoffs());
                }
            }
            // Ops that are a library site's operations (each call read as one), not the line's own (AgentCharges).
            putIfCounted(e, "libraryOps", f.tally().libraryOps());
            Double call = callNsPerOp(f);
            if (call != null) {
                e.put("callNsPerOp", round(call));
            }
            putIfCounted(e, "virtualThreads", a.virtual().threads());
            putIfCounted(e, "virtualOps", a.virtual().ops());
            putIfCounted(e, "virtualBlocks", a.virtual().blocks());
            putIfCounted(e, "virtualBlockedNanos", a.virtual().blockedNanos());
        }
        var t = f.tally();
        putIfCounted(e, "jfrCpuSamples", t.cpuSamples());
        putIfCounted(e, "threadStartSamples", t.threadStartSamples());
        // CPU samples entering a monitor another thread held, in code the agent did not count (a JDK synchronized method).
        putIfCounted(e, "contendedMonitorSamples", io.costlevel.analyzer.attribution.UncountedSynchronization.contendedMonitorSamples(t));
        // Samples inside the agent's probes here; jfrCpuSamples holds the part beyond the probes' measured cost.
        putIfCounted(e, "probeCpuSamples", t.probeSamples());
        putIfCounted(e, "probeCostNanos", Math.round(t.probeCostNanos()));
        putIfCounted(e, "jfrParkEvents", t.parkEvents());
        putIfCounted(e, "jfrParkNanos", t.parkNanos());
        putIfCounted(e, "jfrMonitorEnterEvents", t.monitorEvents());
        putIfCounted(e, "jfrMonitorEnterNanos", t.monitorNanos());
        putIfCounted(e, "jfrWaitEvents", t.waitEvents());
        putIfCounted(e, "jfrWaitNanos", t.waitNanos());
        putIfCounted(e, "jfrSleepEvents", t.sleepEvents());
        putIfCounted(e, "jfrSleepNanos", t.sleepNanos());
        putIfCounted(e, "jfrVirtualHandoffSamples", t.virtualHandoffSamples());
        putIfCounted(e, "jfrVirtualBlockEvents", t.virtualBlockEvents());
        putIfCounted(e, "jfrVirtualBlockNanos", t.virtualBlockNanos());
        putIfCounted(e, "jfrPinnedEvents", t.pinnedEvents());
        putIfCounted(e, "jfrPinnedNanos", t.pinnedNanos());
        return e;
    }

    /**
     * The measured cost per op of the costliest JDK call or lock release behind the line (its own site, or one of the
     * library sites its calls reach), which {@code CallCostRule} reads a kernel entry from; null without any.
     */
    static Double callNsPerOp(SiteFacts f) {
        Double most = CallCostRule.wakesInside(f.agent()) ? f.nsPerOp() : null;
        for (AgentSite part : f.tally().libraryParts()) {
            if (CallCostRule.wakesInside(part) && part.latencySamples() > 0) {
                double ns = part.meanLatencyNanos();
                most = most == null ? ns : Math.max(most, ns);
            }
        }
        return most;
    }

    private static void putIfCounted(Map<String, Object> e, String name, long value) {
        if (value != 0) {
            e.put(name, value);
        }
    }

    /** Four significant digits: enough to read, stable enough to compare. */
    public static double round(double v) {
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).doubleValue();
    }
}
