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
 * @param threadSpans     the same per thread, by its key in the analysis (JVMs whose threads' time is known only)
 * @param sameThread      keys of one thread seen under two ids, each to the first ({@link ThreadTime})
 * @param threadCpu       of the threads in {@code threadSpans}, each one's CPU time where its samples measure it
 *                        exactly (else absent): its span less it is the time it was off its core
 * @param timedScales     per site, the factor on its running time that comes from the agent's timed ops: 1, or less
 *                        where sites added up to more than their threads had ({@link ThreadTimeBound})
 */
public record RunContext(int cores, boolean agentPresent, double durationSeconds, Map<String, MethodOps> methods,
                         Set<String> notInstrumented, double threadNanos, Map<Long, Double> threadSpans,
                         Map<Long, Long> sameThread, Map<Long, Double> threadCpu, TimedScales timedScales) {
    public RunContext(int cores, boolean agentPresent, double durationSeconds) {
        this(cores, agentPresent, durationSeconds, Set.of());
    }

    public RunContext(int cores, boolean agentPresent, double durationSeconds, Set<String> notInstrumented) {
        this(cores, agentPresent, durationSeconds, Map.of(), notInstrumented, 0, Map.of(), Map.of(), Map.of(),
                TimedScales.NONE);
    }

    public RunContext withMethods(Map<String, MethodOps> methods) {
        return new RunContext(cores, agentPresent, durationSeconds, methods, notInstrumented, threadNanos, threadSpans,
                sameThread, threadCpu, timedScales);
    }

    public RunContext withThreadNanos(double nanos) {
        return withThreadTime(nanos, Map.of());
    }

    /** The threads' time, in all ({@code nanos}, 0 when unknown) and per thread ({@code spans}, may be empty). */
    public RunContext withThreadTime(double nanos, Map<Long, Double> spans) {
        return withThreadTime(nanos, spans, Map.of());
    }

    /** ... and the keys of threads seen under two ids ({@code sameThread}). */
    public RunContext withThreadTime(double nanos, Map<Long, Double> spans, Map<Long, Long> sameThread) {
        return withThreadTime(nanos, spans, sameThread, Map.of());
    }

    /** ... and the threads' CPU time ({@code cpu}, by the same keys; may be empty). */
    public RunContext withThreadTime(double nanos, Map<Long, Double> spans, Map<Long, Long> sameThread,
                                     Map<Long, Double> cpu) {
        return new RunContext(cores, agentPresent, durationSeconds, methods, notInstrumented, nanos, spans, sameThread,
                cpu, timedScales);
    }

    public RunContext withTimedScales(TimedScales scales) {
        return new RunContext(cores, agentPresent, durationSeconds, methods, notInstrumented, threadNanos, threadSpans,
                sameThread, threadCpu, scales);
    }

    /** Whether the agent counted what {@code className} does: it ran, and did not leave that class out. */
    public boolean instrumented(String className) {
        return agentPresent && !notInstrumented.contains(className);
    }
}
