package io.costlevel.analyzer.classify.rules;

import io.costlevel.analyzer.classify.Mechanism;
import io.costlevel.analyzer.classify.MethodOps;
import io.costlevel.analyzer.classify.MinimumEvidence;
import io.costlevel.analyzer.classify.SiteFacts;
import io.costlevel.analyzer.classify.TierRule;
import io.costlevel.analyzer.classify.Tiers;
import io.costlevel.analyzer.classify.Verdict;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A wait loop without {@code Thread.onSpinWait}: {@code while (turn.get() != mine) {}}. The agent counts neither
 * the plain read it polls nor a spin, so the line looks like plain code; its CPU time per op gives it away. For a
 * line the agent counted nothing at, in a method whose counted atomics several threads use, CPU time per
 * op of the method that no counted mechanism explains (more than {@link #UNEXPLAINED_FACTOR} times what the
 * method's counted lines cost) and no blocking is a thread polling another's write:
 * <ul>
 *   <li>with more threads than cores and at least a context switch's worth of CPU per op
 *       ({@code Tiers.L4_FLOOR_NS}: a waiter that burns more than a switch would cost keeps spinning through its
 *       slices while the owner waits for a core): Level 5, as the seed's spinning ticket lock;</li>
 *   <li>with a core for every thread: Level 2, the polled line moves between cores (the seed's loop at 2
 *       threads on 2 cores: 193 ns per op).</li>
 * </ul>
 * A line doing real work between two shared atomics would look the same: the confidence is medium and the
 * reason says the spin is inferred from CPU time. A line whose CPU samples mostly ran inside a call that is not a
 * read of an atomic is doing that call's work, not polling: a handler's {@code out.write} of its response, 3.6 us of
 * CPU per request in a socket write, in a method whose other lines the agent counted (the JDK HTTP server's
 * connection sets, 2026-12-06), is no spin, whatever its CPU per op.
 */
public final class UncountedSpinRule implements TierRule {
    /** CPU per op beyond this multiple of the counted mechanisms' cost is not theirs. */
    static final double UNEXPLAINED_FACTOR = 10;
    /** A chain that starts in an atomic class, a VarHandle, Unsafe, or onSpinWait: what a polling loop calls. */
    private static final Pattern POLLED = Pattern.compile("java\\.util\\.concurrent\\.atomic\\.|java\\.lang\\.invoke\\."
            + "|jdk\\.internal\\.misc\\.Unsafe\\.|java\\.lang\\.Thread\\.onSpinWait");

    @Override
    public Optional<Verdict> judge(SiteFacts f) {
        MethodOps m = f.methodOps();
        if (m == null || m.threadsInOneJvm() < 2 || f.jfrBlockingEvents() > 0
                || !MinimumEvidence.enoughEvents(f.cpuSamples()) || !MinimumEvidence.enoughChecks(m.ops())
                || !mostlyPolls(f.tally().primitives(), f.cpuSamples())) {
            return Optional.empty();
        }
        double cpuPerOp = f.tally().cpuNanos() / m.ops();
        if (cpuPerOp < Tiers.L2_FLOOR_NS || cpuPerOp < UNEXPLAINED_FACTOR * m.countedNsPerOp()) {
            return Optional.empty();
        }
        boolean oversubscribed = f.cores() > 0 && m.threadsInOneJvm() > f.cores();
        String figures = String.format("no onSpinWait counted, but this line burns %.0f ns of CPU per op of its method "
                        + "(%d ops, %.0f ns per op counted at its atomics), %d threads on %d cores, no blocking",
                cpuPerOp, m.ops(), m.countedNsPerOp(), m.threadsInOneJvm(), f.cores());
        if (oversubscribed && cpuPerOp >= Tiers.L4_FLOOR_NS) {
            return Optional.of(new Verdict(Tiers.L5_CATASTROPHE, Mechanism.SPIN_WHILE_DESCHEDULED, Verdict.MEDIUM,
                    "spin wait inferred from CPU time: " + figures));
        }
        // With a core for every thread the line moves only if the method's atomics show it moving; a slow turn
        // (hundreds of ops) gives too few handoff checks for that, but then the oversubscribed case above decides.
        if (!oversubscribed && m.shared()) {
            return Optional.of(new Verdict(Tiers.L2_TRUE_SHARING, Mechanism.SPIN_SHARED, Verdict.MEDIUM,
                    "spin wait on a shared line inferred from CPU time: " + figures));
        }
        return Optional.empty();
    }

    /**
     * Whether at least half of the line's CPU samples ran in the line itself (no callee frame: no chain) or in a read
     * of an atomic or a VarHandle it polls ({@code AtomicLong.get} and the like, inlined but recorded as frames).
     */
    static boolean mostlyPolls(Map<String, Long> samplesByChain, long cpuSamples) {
        long elsewhere = 0;
        for (Map.Entry<String, Long> chain : samplesByChain.entrySet()) {
            if (!POLLED.matcher(chain.getKey()).lookingAt()) {
                elsewhere += chain.getValue();
            }
        }
        return elsewhere * 2 <= cpuSamples;
    }
}
