package io.costlevel.analyzer.classify.rules;

import io.costlevel.analyzer.classify.Mechanism;
import io.costlevel.analyzer.classify.MinimumEvidence;
import io.costlevel.analyzer.classify.SiteFacts;
import io.costlevel.analyzer.classify.TierRule;
import io.costlevel.analyzer.classify.Tiers;
import io.costlevel.analyzer.classify.Verdict;

import java.util.Optional;

/**
 * Thread.yield is a system call (sched_yield). With a core for every thread it returns at once:
 * Level 3 (the seed's yielding ticket lock, 0.6 us per op at 2 threads on 2 cores). With more threads
 * than cores it hands the core to another runnable thread: Level 4 (26 us per op at 8 threads). The
 * cross-check for the switch is the measured cost reaching a context switch's.
 */
public final class YieldRule implements TierRule {
    /** Yields per op for yielding to be part of the op's cost rather than a rare path. */
    static final double MIN_YIELDS_PER_OP = 0.01;

    @Override
    public Optional<Verdict> judge(SiteFacts f) {
        if (f.yields() == 0 || f.yieldsPerOp() < MIN_YIELDS_PER_OP && f.spins() == 0
                || !MinimumEvidence.enoughChecks(f.ops()) && !MinimumEvidence.enoughEvents(f.yields())) {
            return Optional.empty();
        }
        Double ns = f.nsPerOp();
        if (f.oversubscribed() && (ns == null || ns >= Tiers.L4_FLOOR_NS)) {
            return Optional.of(new Verdict(Tiers.L4_CONTEXT_SWITCH, Mechanism.YIELD_SWITCH,
                    ns == null ? Verdict.MEDIUM : Verdict.HIGH,
                    String.format("%.2f yields per op with %d threads on %d cores: each yield hands the core over%s",
                            f.yieldsPerOp(), f.threads(), f.cores(), costNote(ns))));
        }
        return Optional.of(new Verdict(Tiers.L3_SYSCALL, Mechanism.SYSCALL,
                ns == null || ns >= Tiers.L3_FLOOR_NS ? Verdict.HIGH : Verdict.MEDIUM,
                String.format("%.2f yields (system calls) per op with %d threads on %d cores%s",
                        f.yieldsPerOp(), f.threads(), f.cores(), costNote(ns))));
    }

    static String costNote(Double ns) {
        return ns == null ? "" : String.format(", %.0f ns per op measured", ns);
    }
}
