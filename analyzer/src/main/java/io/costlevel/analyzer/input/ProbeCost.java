package io.costlevel.analyzer.input;

/**
 * What the agent's probes add to a counted op's CPU time in one JVM, by the kind of site, as the agent measured it in
 * its own loops (an atomic increment, a monitor, a {@code Random} draw and a {@code ReentrantLock}, with and without
 * probes around them: its {@code probeNanos}). The analyzer charges a line the CPU samples taken inside its probes
 * less its ops times this: a sample lands after the instruction that was running, so a locked instruction's cost right
 * before a probe is sampled inside it (docs/tiers.md#probe-samples).
 */
public record ProbeCost(double atomicNanos, double monitorNanos, double callNanos, double lockNanos) {
    /** How many kinds have a figure of their own ({@link #indexOf}). */
    public static final int KINDS = 4;

    /** Monitors, calls and j.u.c locks have their own figure (index 1-3); every other kind has an atomic's (0). */
    public static int indexOf(String kind) {
        return switch (kind == null ? "" : kind) {
            case "monitor" -> 1;
            case "call" -> 2;
            case "lock" -> 3;
            default -> 0;
        };
    }

    public double nanos(int index) {
        return switch (index) {
            case 1 -> monitorNanos;
            case 2 -> callNanos;
            case 3 -> lockNanos;
            default -> atomicNanos;
        };
    }

    /** From the agent section's {@code probeNanos}, or null when the agent did not measure it (older data, a full site table). */
    static ProbeCost of(JsonTree agent) {
        JsonTree figures = agent.object("probeNanos");
        if (!figures.has("atomic") || !figures.has("monitor") || !figures.has("call")) {
            return null;
        }
        double atomic = figures.decimal("atomic");
        return new ProbeCost(atomic, figures.decimal("monitor"), figures.decimal("call"),
                figures.has("lock") ? figures.decimal("lock") : atomic);
    }
}
