package io.costlevel.analyzer.classify.rules;

import io.costlevel.analyzer.classify.Mechanism;
import io.costlevel.analyzer.classify.MinimumEvidence;
import io.costlevel.analyzer.classify.SiteFacts;
import io.costlevel.analyzer.classify.TierRule;
import io.costlevel.analyzer.classify.Tiers;
import io.costlevel.analyzer.classify.Verdict;

import java.util.Optional;

/**
 * Level 5, catastrophe: a waiter spins while the thread it waits for is descheduled, so every wait
 * burns whole time slices (the seed's spinning ticket lock: 0.5 us per op at 2 threads on 2 cores,
 * 50 ms at 8). The mechanism is a spin wait (onSpinWait counted by the agent) with more threads than
 * cores; the cross-check is the length of one wait, which only a descheduled owner makes this long.
 */
public final class SpinWhileDescheduledRule implements TierRule {
    /**
     * onSpinWait calls in one wait beyond which it has outlasted a time slice: a PAUSE costs ~10-150
     * cycles, so 10,000 of them are 0.05-0.5 ms, while a wait for a running owner is tens of spins.
     */
    static final double CATASTROPHIC_SPINS_PER_WAIT = 10_000;

    @Override
    public Optional<Verdict> judge(SiteFacts f) {
        if (f.spins() == 0 || !f.oversubscribed()) {
            return Optional.empty();
        }
        Double ns = f.nsPerOp();
        // spinsPerWait is a mean over the completed waits; a wait still spinning when the run ended counts too.
        boolean longWaits = f.spinsPerWait() >= CATASTROPHIC_SPINS_PER_WAIT
                && (MinimumEvidence.enoughEvents(f.spinWaits()) || f.spins() >= CATASTROPHIC_SPINS_PER_WAIT * MinimumEvidence.MIN_EVENTS);
        boolean costly = ns != null && ns >= Tiers.L5_FLOOR_NS;
        if (!longWaits && !costly) {
            return Optional.empty();
        }
        String confidence = longWaits && (costly || ns == null) ? Verdict.HIGH : Verdict.MEDIUM;
        return Optional.of(new Verdict(Tiers.L5_CATASTROPHE, Mechanism.SPIN_WHILE_DESCHEDULED, confidence,
                String.format("spin wait with %d threads on %d cores: %.0f onSpinWait calls per wait%s",
                        f.threads(), f.cores(), f.spinsPerWait(),
                        ns == null ? "" : String.format(", %.0f ns per wait", ns))));
    }
}
