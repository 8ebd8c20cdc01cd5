package io.costlevel.analyzer.classify;

import java.util.Map;
import java.util.Set;

/**
 * Run-wide facts every rule may need.
 *
 * @param cores           processors the JVM could run threads on (0 when unknown)
 * @param agentPresent    the agent's counters are part of the input (else atomics and spins are unseen)
 * @param durationSeconds wall time covered: the union of the JVMs' times (JVMs side by side count once), the
 *                        denominator of every rate
 * @param methods         what the agent counted per method ({@link MethodOps#key}), for lines it counted nothing at
 * @param notInstrumented classes the agent ran beside but did not instrument (an attach left them out): there its
 *                        silence is no evidence
 * @param threadNanos     the thread time the recorded threads had (each from its first sample or event to its last,
 *                        added up over the JVMs), or 0 when unknown (a JVM without a recording)
 * @param timedScale      the factor on every site's running time that comes from the agent's timed ops: 1, or less
 *                        when the sites' time added up to more than {@code threadNanos} ({@link ThreadTimeBound})
 */
public record RunContext(int cores, boolean agentPresent, double durationSeconds, Map<String, MethodOps> methods,
                         Set<String> notInstrumented, double threadNanos, double timedScale) {
    public RunContext(int cores, boolean agentPresent, double durationSeconds) {
        this(cores, agentPresent, durationSeconds, Set.of());
    }

    public RunContext(int cores, boolean agentPresent, double durationSeconds, Set<String> notInstrumented) {
        this(cores, agentPresent, durationSeconds, Map.of(), notInstrumented, 0, 1);
    }

    public RunContext withMethods(Map<String, MethodOps> methods) {
        return new RunContext(cores, agentPresent, durationSeconds, methods, notInstrumented, threadNanos, timedScale);
    }

    public RunContext withThreadNanos(double nanos) {
        return new RunContext(cores, agentPresent, durationSeconds, methods, notInstrumented, nanos, timedScale);
    }

    public RunContext withTimedScale(double scale) {
        return new RunContext(cores, agentPresent, durationSeconds, methods, notInstrumented, threadNanos, scale);
    }

    /** Whether the agent counted what {@code className} does: it ran, and did not leave that class out. */
    public boolean instrumented(String className) {
        return agentPresent && !notInstrumented.contains(className);
    }
}
