package io.costlevel.analyzer.classify;

import io.costlevel.analyzer.input.AgentSite;
import io.costlevel.analyzer.input.VirtualShare;

/** Agent counters for rule tests, named field by field (everything not set is 0). */
final class AgentSiteBuilder {
    private final String kind;
    private long ops, casAttempts, casFailures, contended, contendedNanos, parks, parkedNanos, yields, spins, spinWaits,
            wakeups, handoffChecks, handoffs, latencySamples, latencyNanos;
    private long sharedLineChecks = AgentSite.NOT_COUNTED;
    private long sameLineChecks = AgentSite.NOT_COUNTED;
    private long lineHandoffs = AgentSite.NOT_COUNTED;
    private int threads = 1;
    private String primitive = "java.util.concurrent.atomic.AtomicLong.incrementAndGet";
    private VirtualShare virtual = VirtualShare.NONE;

    private AgentSiteBuilder(String kind) {
        this.kind = kind;
    }

    static AgentSiteBuilder site(String kind) {
        return new AgentSiteBuilder(kind);
    }

    AgentSiteBuilder ops(long v) { ops = v; return this; }
    AgentSiteBuilder primitive(String v) { primitive = v; return this; }
    AgentSiteBuilder threads(int v) { threads = v; return this; }
    AgentSiteBuilder cas(long attempts, long failures) { casAttempts = attempts; casFailures = failures; return this; }
    AgentSiteBuilder contended(long n, long nanos) { contended = n; contendedNanos = nanos; return this; }
    AgentSiteBuilder parks(long n, long nanos) { parks = n; parkedNanos = nanos; return this; }
    AgentSiteBuilder yields(long v) { yields = v; return this; }
    AgentSiteBuilder spins(long n, long waits) { spins = n; spinWaits = waits; return this; }
    AgentSiteBuilder wakeups(long v) { wakeups = v; return this; }
    /** Checks whose line another thread touched last, at any site. */
    AgentSiteBuilder lineHandoffs(long v) { lineHandoffs = v; return this; }
    AgentSiteBuilder handoffs(long checks, long n) { handoffChecks = checks; handoffs = n; return this; }
    /** Of the handoff checks, those on a line another thread had touched at the site before. */
    AgentSiteBuilder sharedLines(long checks) { sharedLineChecks = checks; return this; }
    /** Of the handoff checks, those on the line the previous sampled op at the site worked on. */
    AgentSiteBuilder sameLines(long checks) { sameLineChecks = checks; return this; }

    /** Every op and park so far done by {@code n} virtual threads. */
    AgentSiteBuilder allVirtual(int n) { virtual = new VirtualShare(n, ops, parks, parkedNanos); return this; }

    /** Latency sampled on every 64th op, as the agent does, with this mean. */
    AgentSiteBuilder nsPerOp(double ns) {
        latencySamples = Math.max(1, ops / 64);
        latencyNanos = Math.round(ns * latencySamples);
        return this;
    }

    AgentSite build() {
        return new AgentSite("com.acme.Hot", "run", 42, kind, primitive,
                ops, threads, casAttempts, casFailures, contended, contendedNanos, parks, parkedNanos, 0, 0,
                yields, 0, 0, spins, spinWaits, wakeups, handoffChecks, handoffs, latencySamples, latencyNanos, virtual,
                sameLineChecks, sharedLineChecks, lineHandoffs);
    }
}
