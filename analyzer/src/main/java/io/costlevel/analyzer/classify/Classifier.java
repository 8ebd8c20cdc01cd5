package io.costlevel.analyzer.classify;

import io.costlevel.analyzer.classify.rules.CallCostRule;
import io.costlevel.analyzer.classify.rules.ContextSwitchRule;
import io.costlevel.analyzer.classify.rules.PlainCodeRule;
import io.costlevel.analyzer.classify.rules.SpinWhileDescheduledRule;
import io.costlevel.analyzer.classify.rules.SyscallRule;
import io.costlevel.analyzer.classify.rules.ThreadStartRule;
import io.costlevel.analyzer.classify.rules.TrueSharingRule;
import io.costlevel.analyzer.classify.rules.UncontendedSyncRule;
import io.costlevel.analyzer.classify.rules.UncountedSpinRule;
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
            new ThreadStartRule(),
            new SyscallRule(),
            new CallCostRule(),
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
     * mechanism, blocked contention in L4 (L3 when blocks were too short to switch), virtual threads' unmounting
     * blocks in L2-L3 by their cost, their pinned blocks in L4 (the carrier's switch); the largest wins.
     *
     * @return the assessment, or empty when no rule applies
     */
    public Optional<Assessment> assess(SiteFacts facts) {
        Verdict running = best(facts, false);
        Verdict blocked = blockingVerdict(facts);
        Verdict unmounted = VirtualThreadRule.unmounted(facts).orElse(null);
        Verdict pinned = VirtualThreadRule.pinned(facts).orElse(null);
        if (running == null && blocked == null && unmounted == null && pinned == null) {
            return Optional.empty();
        }
        if (running == null) {
            // Blocking seen without anything running counted: the little CPU there is has no mechanism to name.
            running = new Verdict(Tiers.L0_VANILLA, facts.run().agentPresent() ? Mechanism.PLAIN_CPU : Mechanism.UNSEEN_CPU,
                    Verdict.LOW, String.format("%d CPU samples beside the blocking, no synchronization counted%s",
                    facts.cpuSamples(), facts.run().agentPresent() ? "" : " (without the agent an atomic or spin would be invisible)"));
        }
        List<RunningPart> parts = RunningPart.of(facts, running, f -> best(f, false));
        SiteTime time = new SiteTime(facts, parts, unmounted == null ? Tiers.L3_SYSCALL : unmounted.tier());
        if (blocked == null) {
            blocked = new Verdict(time.blockedTier(), Mechanism.BLOCKING, Verdict.MEDIUM, "blocked");
        } else if (blocked.tier() != time.blockedTier()) {
            blocked = new Verdict(time.blockedTier(), blocked.mechanism(), blocked.confidence(), blocked.reason());
        }
        return Optional.of(Assessment.of(facts, new Assessment.Verdicts(running, blocked, unmounted, pinned, parts), time));
    }

    /** The blocking mechanism's verdict whatever its share of the ops: the time model weighs it. */
    private static Verdict blockingVerdict(SiteFacts f) {
        // Platform threads' blocks: a virtual thread's are the unmounted and pinned verdicts'.
        long agentBlocks = f.platformBlocks();
        long events = f.jfrBlockingEvents();
        if (agentBlocks == 0 && events == 0) {
            return null;
        }
        // A pool's take (PoolQueues) blocks for an item another thread holds: its own advice; the reasons say why.
        Mechanism mechanism = f.tally().poolGivenBackAt() == null ? Mechanism.BLOCKING : Mechanism.POOL_WAIT;
        if (agentBlocks > 0 && f.platformBlockedNanos() >= f.tally().jfrBlockedNanos()) {
            if (f.inferredBlockedNanos() > 0) {
                // Inferred from the slow timed calls, an estimate the site's time bounds (SiteTime, ThreadTimeBound):
                // the blocked time per op is the site's L4 share of its ns/op, not the estimate's, which a bound
                // may have cut (a queue's offer and poll: 2,600 ns estimated per op on a line of 730).
                return new Verdict(Tiers.L4_CONTEXT_SWITCH, mechanism, Verdict.HIGH, String.format(
                        "%d parks inferred from the calls timed over %s, %s each, %.3f per op (an estimate: a slow "
                                + "timed call stands for the calls between samples, and the site's time bounds it; its "
                                + "L4 share is what the bounds left)", agentBlocks,
                        Assessment.duration(SiteFacts.INFERRED_PARK_FLOOR_NANOS), Assessment.duration(
                                f.platformBlockedNsPerBlock()), (double) agentBlocks / f.ops()));
            }
            return new Verdict(Tiers.L4_CONTEXT_SWITCH, mechanism, Verdict.HIGH, String.format(
                    "%d blocks (park, wait, sleep) counted, %s each, %.3f per op, %.0f ns blocked per op",
                    agentBlocks, Assessment.duration(f.platformBlockedNsPerBlock()), (double) agentBlocks / f.ops(),
                    f.platformBlockedNsPerOp()));
        }
        double mean = (double) f.tally().jfrBlockedNanos() / events;
        String perOp = f.ops() == 0 ? "" : String.format(", %s of %d ops", Assessment.percent((double) events / f.ops()), f.ops());
        boolean tooFew = !MinimumEvidence.enoughEvents(events);
        return new Verdict(Tiers.L4_CONTEXT_SWITCH, mechanism,
                tooFew ? Verdict.LOW : f.counted() ? Verdict.HIGH : Verdict.MEDIUM,
                String.format("the recording saw %d blocking events here (park, monitor, wait or sleep), %s each on average%s%s",
                        events, Assessment.duration(mean), perOp, tooFew ? String.format(
                                "; too few samples (fewer than %d events): a time, not a pattern", MinimumEvidence.MIN_EVENTS) : ""));
    }

    private Verdict best(SiteFacts facts, boolean withBlocking) {
        Verdict best = null;
        for (TierRule rule : rules) {
            Optional<Verdict> verdict;
            if (withBlocking) {
                verdict = rule.judge(facts);
            } else if (rule instanceof ContextSwitchRule) {
                continue;
            } else if (rule instanceof VirtualThreadRule) {
                // Its blocks are the time model's; CPU samples in the unmount/remount path are running time.
                verdict = VirtualThreadRule.running(facts);
            } else {
                verdict = rule.judge(facts);
            }
            if (verdict.isPresent() && (best == null || verdict.get().tier() > best.tier())) {
                best = verdict.get();
            }
        }
        return best;
    }
}
