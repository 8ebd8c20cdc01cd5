package io.costlevel.analyzer.classify;

import java.util.Set;

/**
 * Run-wide facts every rule may need.
 *
 * @param cores           processors the JVM could run threads on (0 when unknown)
 * @param agentPresent    the agent's counters are part of the input (else atomics and spins are unseen)
 * @param durationSeconds wall time covered
 * @param notInstrumented classes the agent ran beside but did not instrument (an attach left them out): there its
 *                        silence is no evidence
 */
public record RunContext(int cores, boolean agentPresent, double durationSeconds, Set<String> notInstrumented) {
    public RunContext(int cores, boolean agentPresent, double durationSeconds) {
        this(cores, agentPresent, durationSeconds, Set.of());
    }

    /** Whether the agent counted what {@code className} does: it ran, and did not leave that class out. */
    public boolean instrumented(String className) {
        return agentPresent && !notInstrumented.contains(className);
    }
}
