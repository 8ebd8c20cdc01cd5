package io.costlevel.analyzer.input;

/**
 * One entry of costlevel-sites.json (docs/agent-data-format.md): what the agent counted at one
 * call site. Field names and meanings follow that document; absent fields read as 0.
 *
 * @param virtual what of it virtual threads did ({@link VirtualShare#NONE} before JDK 21)
 */
public record AgentSite(String className, String methodName, int line, String kind, String primitive,
                        long ops, int threads,
                        long casAttempts, long casFailures,
                        long contended, long contendedNanos,
                        long parks, long parkedNanos,
                        long waits, long waitedNanos,
                        long yields, long sleeps, long sleptNanos,
                        long spins, long spinWaits,
                        long wakeups,
                        long handoffChecks, long handoffs,
                        long latencySamples, long latencyNanos,
                        VirtualShare virtual,
                        long sameLineChecks, long sharedLineChecks, long lineHandoffs) {

    /** A site of an agent that did not count handoffs across sites ({@code lineHandoffs} not counted). */
    public AgentSite(String className, String methodName, int line, String kind, String primitive,
                     long ops, int threads, long casAttempts, long casFailures, long contended, long contendedNanos,
                     long parks, long parkedNanos, long waits, long waitedNanos, long yields, long sleeps,
                     long sleptNanos, long spins, long spinWaits, long wakeups, long handoffChecks, long handoffs,
                     long latencySamples, long latencyNanos, VirtualShare virtual, long sameLineChecks,
                     long sharedLineChecks) {
        this(className, methodName, line, kind, primitive, ops, threads, casAttempts, casFailures, contended,
                contendedNanos, parks, parkedNanos, waits, waitedNanos, yields, sleeps, sleptNanos, spins, spinWaits,
                wakeups, handoffChecks, handoffs, latencySamples, latencyNanos, virtual, sameLineChecks,
                sharedLineChecks, NOT_COUNTED);
    }

    /** Kinds by how costly their mechanism can be: when two agent sites share a line, the costlier names it. */
    private static final java.util.List<String> KINDS_BY_SEVERITY = java.util.List.of(
            "spin", "yield", "sleep", "wait", "condition", "park", "join", "lock", "monitor", "atomic");

    /**
     * Two counters of one line added up: two call sites on one line, or one site seen by several JVMs.
     * Threads take the larger figure, since "more threads than cores" is a per-JVM question.
     */
    public AgentSite plus(AgentSite o) {
        String mergedKind = severity(kind) <= severity(o.kind) ? kind : o.kind;
        String mergedPrimitive = primitive == null || primitive.equals(o.primitive) ? o.primitive
                : o.primitive == null ? primitive : primitive + "; " + o.primitive;
        return new AgentSite(className, methodName, line, mergedKind, mergedPrimitive,
                ops + o.ops, Math.max(threads, o.threads),
                casAttempts + o.casAttempts, casFailures + o.casFailures,
                contended + o.contended, contendedNanos + o.contendedNanos,
                parks + o.parks, parkedNanos + o.parkedNanos,
                waits + o.waits, waitedNanos + o.waitedNanos,
                yields + o.yields, sleeps + o.sleeps, sleptNanos + o.sleptNanos,
                spins + o.spins, spinWaits + o.spinWaits,
                wakeups + o.wakeups,
                handoffChecks + o.handoffChecks, handoffs + o.handoffs,
                latencySamples + o.latencySamples, latencyNanos + o.latencyNanos,
                virtual.plus(o.virtual),
                sumOfCounted(sameLineChecks, o.sameLineChecks), sumOfCounted(sharedLineChecks, o.sharedLineChecks),
                sumOfCounted(lineHandoffs, o.lineHandoffs));
    }

    /** Fields an older agent did not write read as -1 (not counted): a sum with one of them is not counted either. */
    private static long sumOfCounted(long a, long b) {
        return a < 0 || b < 0 ? NOT_COUNTED : a + b;
    }

    /** A field the agent that wrote the data did not have (sameLineChecks, sharedLineChecks: issue 16; lineHandoffs). */
    public static final long NOT_COUNTED = -1;

    /**
     * This site's counters times {@code share} (0..1), rounded: the part of a library site's operations that one of
     * its callers made, its virtual threads' part included. Ratios (failures per attempt, handoffs per check, latency
     * per sample) are kept.
     */
    public AgentSite scaled(double share) {
        return new AgentSite(className, methodName, line, kind, primitive,
                part(ops, share), threads,
                part(casAttempts, share), part(casFailures, share),
                part(contended, share), part(contendedNanos, share),
                part(parks, share), part(parkedNanos, share),
                part(waits, share), part(waitedNanos, share),
                part(yields, share), part(sleeps, share), part(sleptNanos, share),
                part(spins, share), part(spinWaits, share),
                part(wakeups, share),
                part(handoffChecks, share), part(handoffs, share),
                part(latencySamples, share), part(latencyNanos, share),
                virtual.scaled(share),
                partOfCounted(sameLineChecks, share), partOfCounted(sharedLineChecks, share),
                partOfCounted(lineHandoffs, share));
    }

    /** Operations that took the thread off its core (parks, counted or inferred; Object.wait; sleeps) and their time. */
    public long blocks() {
        return parks + waits + sleeps;
    }

    public long blockedNanos() {
        return parkedNanos + waitedNanos + sleptNanos;
    }

    /** The mean of the timed ops' latency (the agent's clock cost already taken out), 0 when none was timed. */
    public double meanLatencyNanos() {
        return latencySamples == 0 ? 0 : (double) latencyNanos / latencySamples;
    }

    /**
     * The same counters with {@code ops} and the sampled latency replaced: several library sites one application
     * call goes through, read as that call (see AgentCharges).
     */
    public AgentSite withOpsAndLatency(long newOps, long newLatencySamples, long newLatencyNanos) {
        return new AgentSite(className, methodName, line, kind, primitive, newOps, threads,
                casAttempts, casFailures, contended, contendedNanos, parks, parkedNanos, waits, waitedNanos,
                yields, sleeps, sleptNanos, spins, spinWaits, wakeups, handoffChecks, handoffs,
                newLatencySamples, newLatencyNanos, virtual, sameLineChecks, sharedLineChecks, lineHandoffs);
    }

    static long part(long value, double share) {
        return Math.round(value * share);
    }

    /** {@link #part}, and a field the agent did not count stays not counted. */
    private static long partOfCounted(long value, double share) {
        return value < 0 ? NOT_COUNTED : part(value, share);
    }

    /**
     * The agent's kind of a call on an object its method made and keeps to itself: left uninstrumented (the JIT removes
     * the object's locks), never counted; written out so that the line's silence is known to be looked at.
     */
    public static final String CONFINED = "confined";

    public boolean isConfined() {
        return CONFINED.equals(kind);
    }

    private static int severity(String kind) {
        if (CONFINED.equals(kind)) {
            return KINDS_BY_SEVERITY.size() + 1; // any other kind names a line before it
        }
        int index = KINDS_BY_SEVERITY.indexOf(kind);
        return index < 0 ? KINDS_BY_SEVERITY.size() : index;
    }
}
