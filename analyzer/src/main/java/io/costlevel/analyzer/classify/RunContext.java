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
 * @param threads         the same per thread, by its key in the analysis, with its CPU time where measured (JVMs
 *                        whose threads' time is known only)
 * @param timedScales     per site, the factor on its running time that comes from the agent's timed ops: 1, or less
 *                        where sites added up to more than their threads had ({@link ThreadTimeBound})
 */
public record RunContext(int cores, boolean agentPresent, double durationSeconds, Map<String, MethodOps> methods,
                         Set<String> notInstrumented, double threadNanos, ThreadTime threads,
                         TimedScales timedScales) {
    public RunContext(int cores, boolean agentPresent, double durationSeconds) {
        this(cores, agentPresent, durationSeconds, Set.of());
    }

    public RunContext(int cores, boolean agentPresent, double durationSeconds, Set<String> notInstrumented) {
        this(cores, agentPresent, durationSeconds, Map.of(), notInstrumented, 0, ThreadTime.NONE, TimedScales.NONE);
    }

    public RunContext withMethods(Map<String, MethodOps> methods) {
        return new RunContext(cores, agentPresent, durationSeconds, methods, notInstrumented, threadNanos, threads,
                timedScales);
    }

    public RunContext withThreadNanos(double nanos) {
        return withThreadTime(nanos, ThreadTime.NONE);
    }

    /** The threads' time, in all ({@code nanos}, 0 when unknown) and per thread ({@code threads}, may be none). */
    public RunContext withThreadTime(double nanos, ThreadTime threads) {
        return new RunContext(cores, agentPresent, durationSeconds, methods, notInstrumented, nanos, threads, timedScales);
    }

    public RunContext withTimedScales(TimedScales scales) {
        return new RunContext(cores, agentPresent, durationSeconds, methods, notInstrumented, threadNanos, threads,
                scales);
    }

    /** Whether the agent counted what {@code className} does: it ran, and did not leave that class out. */
    public boolean instrumented(String className) {
        return agentPresent && !notInstrumented.contains(className);
    }
}
