package io.costlevel.analyzer.classify;

/**
 * Run-wide facts every rule may need.
 *
 * @param cores           processors the JVM could run threads on (0 when unknown)
 * @param agentPresent    the agent's counters are part of the input (else atomics and spins are unseen)
 * @param durationSeconds wall time covered: the union of the JVMs' times (JVMs side by side count once), the
 *                        denominator of every rate
 */
public record RunContext(int cores, boolean agentPresent, double durationSeconds) {
}
