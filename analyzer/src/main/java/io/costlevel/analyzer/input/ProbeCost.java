package io.costlevel.analyzer.input;

/**
 * What the agent's probes cost per counted op in one JVM, as the agent measured it (its {@code probeNanos}: an atomic
 * increment, a monitor and a {@code Random} draw with and without probes around them). The analyzer charges a line
 * the CPU samples taken inside its probes less its ops times this cost: a sample lands after the instruction that
 * was running, so a locked instruction's cost right before a probe is sampled inside it (docs/tiers.md).
 */
public record ProbeCost(double atomicNanos, double monitorNanos, double callNanos) {
    /** The cost per op at a site of this kind: monitors and calls have their own figure, every other kind an atomic's. */
    public double nanosFor(String kind) {
        if ("monitor".equals(kind)) {
            return monitorNanos;
        }
        return "call".equals(kind) ? callNanos : atomicNanos;
    }

    /** From the agent section's {@code probeNanos}, or null when the agent did not measure it (older data, a full site table). */
    static ProbeCost of(JsonTree agent) {
        JsonTree figures = agent.object("probeNanos");
        if (!figures.has("atomic") || !figures.has("monitor") || !figures.has("call")) {
            return null;
        }
        return new ProbeCost(figures.decimal("atomic"), figures.decimal("monitor"), figures.decimal("call"));
    }
}
