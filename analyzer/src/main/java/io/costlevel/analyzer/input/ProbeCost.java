package io.costlevel.analyzer.input;

/**
 * A cost per counted op in one JVM by the kind of site, as the agent measured it in its own loops (an atomic
 * increment, a monitor and a {@code Random} draw with and without probes around them): what its probes add to an op
 * ({@code probeNanos}; the analyzer charges a line the CPU samples taken inside its probes less its ops times this,
 * since a sample lands after the instruction that was running and a locked instruction's cost right before a probe
 * is sampled inside it), or what a timed op's latency exceeds the op by ({@code timingExcessNanos}: the out-of-line
 * calls that open and close the timing, taken off every site's latency). docs/tiers.md#probe-samples.
 */
public record ProbeCost(double atomicNanos, double monitorNanos, double callNanos) {
    /** The cost per op at a site of this kind: monitors and calls have their own figure, every other kind an atomic's. */
    public double nanosFor(String kind) {
        if ("monitor".equals(kind)) {
            return monitorNanos;
        }
        return "call".equals(kind) ? callNanos : atomicNanos;
    }

    /** From the agent section's {@code field}, or null when the agent did not measure it (older data, a full site table). */
    static ProbeCost of(JsonTree agent, String field) {
        JsonTree figures = agent.object(field);
        if (!figures.has("atomic") || !figures.has("monitor") || !figures.has("call")) {
            return null;
        }
        return new ProbeCost(figures.decimal("atomic"), figures.decimal("monitor"), figures.decimal("call"));
    }
}
