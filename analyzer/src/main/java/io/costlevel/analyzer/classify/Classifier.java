package io.costlevel.analyzer.classify;

import io.costlevel.analyzer.classify.rules.ContextSwitchRule;
import io.costlevel.analyzer.classify.rules.PlainCodeRule;
import io.costlevel.analyzer.classify.rules.SpinWhileDescheduledRule;
import io.costlevel.analyzer.classify.rules.SyscallRule;
import io.costlevel.analyzer.classify.rules.TrueSharingRule;
import io.costlevel.analyzer.classify.rules.UncontendedSyncRule;
import io.costlevel.analyzer.classify.rules.UncountedSpinRule;
import io.costlevel.analyzer.classify.rules.YieldRule;

import java.util.List;
import java.util.Optional;

/**
 * Asks every rule and keeps the costliest verdict: a site is in the highest tier whose mechanism it
 * shows (with its cross-check). Rules are stateless, so one classifier serves all sites.
 */
public final class Classifier {
    private final List<TierRule> rules = List.of(
            new SpinWhileDescheduledRule(),
            new ContextSwitchRule(),
            new YieldRule(),
            new SyscallRule(),
            new TrueSharingRule(),
            new UncountedSpinRule(),
            new UncontendedSyncRule(),
            new PlainCodeRule());

    /**
     * The costliest mechanism the rules see, blocking included, or empty when no rule applies (a site with no
     * evidence at all). The report's tier is {@link #assess}'s, which weighs mechanisms by their time.
     */
    public Optional<Verdict> classify(SiteFacts facts) {
        return Optional.ofNullable(best(facts, true));
    }

    /**
     * The site's tier from where its time goes: the running time is in the tier of its costliest non-blocking
     * mechanism, blocked contention in L4 (L3 when blocks were too short to switch); the larger wins.
     *
     * @return the assessment, or empty when no rule applies
     */
    public Optional<Assessment> assess(SiteFacts facts) {
        Verdict running = best(facts, false);
        Verdict blocked = blockingVerdict(facts);
        if (running == null && blocked == null) {
            return Optional.empty();
        }
        if (running == null) {
            // Blocking seen without anything running counted: the little CPU there is has no mechanism to name.
            running = new Verdict(Tiers.L0_VANILLA, facts.run().agentPresent() ? Mechanism.PLAIN_CPU : Mechanism.UNSEEN_CPU,
                    Verdict.LOW, String.format("%d CPU samples beside the blocking, no synchronization counted%s",
                    facts.cpuSamples(), facts.run().agentPresent() ? "" : " (without the agent an atomic or spin would be invisible)"));
        }
        SiteTime time = new SiteTime(facts, running.tier());
        if (blocked == null) {
            blocked = new Verdict(time.blockedTier(), Mechanism.BLOCKING, Verdict.MEDIUM, "blocked");
        } else if (blocked.tier() != time.blockedTier()) {
            blocked = new Verdict(time.blockedTier(), blocked.mechanism(), blocked.confidence(), blocked.reason());
        }
        return Optional.of(Assessment.of(facts, running, blocked, time));
    }

    /** The blocking mechanism's verdict whatever its share of the ops: the time model weighs it. */
    private static Verdict blockingVerdict(SiteFacts f) {
        long agentBlocks = f.blocks();
        long events = f.jfrBlockingEvents();
        if (agentBlocks == 0 && events == 0) {
            return null;
        }
        if (agentBlocks > 0 && f.blockedNanos() >= f.tally().jfrBlockedNanos()) {
            return new Verdict(Tiers.L4_CONTEXT_SWITCH, Mechanism.BLOCKING, Verdict.HIGH, String.format(
                    "%d blocks (park, wait, sleep) counted, %s each, %.3f per op, %.0f ns blocked per op",
                    agentBlocks, Assessment.duration(f.blockedNsPerBlock()), f.blocksPerOp(), f.blockedNsPerOp()));
        }
        double mean = (double) f.tally().jfrBlockedNanos() / events;
        String perOp = f.ops() == 0 ? "" : String.format(", %s of %d ops", Assessment.percent((double) events / f.ops()), f.ops());
        boolean tooFew = !MinimumEvidence.enoughEvents(events);
        return new Verdict(Tiers.L4_CONTEXT_SWITCH, Mechanism.BLOCKING,
                tooFew ? Verdict.LOW : f.counted() ? Verdict.HIGH : Verdict.MEDIUM,
                String.format("the recording saw %d blocking events here (park, monitor, wait or sleep), %s each on average%s%s",
                        events, Assessment.duration(mean), perOp, tooFew ? String.format(
                                "; too few samples (fewer than %d events): a time, not a pattern", MinimumEvidence.MIN_EVENTS) : ""));
    }

    private Verdict best(SiteFacts facts, boolean withBlocking) {
        Verdict best = null;
        for (TierRule rule : rules) {
            if (!withBlocking && rule instanceof ContextSwitchRule) {
                continue;
            }
            Optional<Verdict> verdict = rule.judge(facts);
            if (verdict.isPresent() && (best == null || verdict.get().tier() > best.tier())) {
                best = verdict.get();
            }
        }
        return best;
    }
}
