package io.costlevel.analyzer.classify;

import io.costlevel.analyzer.classify.rules.ContextSwitchRule;
import io.costlevel.analyzer.classify.rules.PlainCodeRule;
import io.costlevel.analyzer.classify.rules.SpinWhileDescheduledRule;
import io.costlevel.analyzer.classify.rules.SyscallRule;
import io.costlevel.analyzer.classify.rules.TrueSharingRule;
import io.costlevel.analyzer.classify.rules.UncontendedSyncRule;
import io.costlevel.analyzer.classify.rules.VirtualThreadRule;
import io.costlevel.analyzer.classify.rules.YieldRule;

import java.util.List;
import java.util.Optional;

/**
 * Asks every rule and keeps the costliest verdict: a site is in the highest tier whose mechanism it
 * shows (with its cross-check); on a tie the earlier rule's verdict stands. Rules are stateless, so one classifier serves all sites.
 */
public final class Classifier {
    private final List<TierRule> rules = List.of(
            new SpinWhileDescheduledRule(),
            // Before the rules it ties with: its mechanism (unmount, pinning) is the more precise one.
            new VirtualThreadRule(),
            new ContextSwitchRule(),
            new YieldRule(),
            new SyscallRule(),
            new TrueSharingRule(),
            new UncontendedSyncRule(),
            new PlainCodeRule());

    /** @return the verdict, or empty when no rule applies (a site with no evidence at all) */
    public Optional<Verdict> classify(SiteFacts facts) {
        Verdict best = null;
        for (TierRule rule : rules) {
            Optional<Verdict> verdict = rule.judge(facts);
            if (verdict.isPresent() && (best == null || verdict.get().tier() > best.tier())) {
                best = verdict.get();
            }
        }
        return Optional.ofNullable(best);
    }
}
