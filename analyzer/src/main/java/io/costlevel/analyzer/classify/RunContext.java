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
 */
public record RunContext(int cores, boolean agentPresent, double durationSeconds, Map<String, MethodOps> methods,
                         Set<String> notInstrumented) {
    public RunContext(int cores, boolean agentPresent, double durationSeconds) {
        this(cores, agentPresent, durationSeconds, Set.of());
    }

    public RunContext(int cores, boolean agentPresent, double durationSeconds, Set<String> notInstrumented) {
        this(cores, agentPresent, durationSeconds, Map.of(), notInstrumented);
    }

    public RunContext withMethods(Map<String, MethodOps> methods) {
        return new RunContext(cores, agentPresent, durationSeconds, methods, notInstrumented);
    }

    /** Whether the agent counted what {@code className} does: it ran, and did not leave that class out. */
    public boolean instrumented(String className) {
        return agentPresent && !notInstrumented.contains(className);
    }
}
