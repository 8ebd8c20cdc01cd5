package io.costlevel.analyzer.classify.rules;

import io.costlevel.analyzer.classify.Mechanism;
import io.costlevel.analyzer.classify.MinimumEvidence;
import io.costlevel.analyzer.classify.SiteFacts;
import io.costlevel.analyzer.classify.TierRule;
import io.costlevel.analyzer.classify.Tiers;
import io.costlevel.analyzer.classify.Verdict;
import io.costlevel.analyzer.input.AgentSite;

import java.util.Optional;

/**
 * Level 3 for a call into a JDK concurrent API (the agent's {@code call} sites: an executor's {@code execute}, a
 * queue's {@code offer}, a map's {@code merge}) or a lock release ({@code unlock}) that costs a system call or more per
 * op while no block was counted in it. The agent counts the call as one op and does not see inside it, so no counter
 * names what the time went to; the cost does: no atomic, CAS failure or line handoff costs 300 ns, a kernel entry
 * does. Such a call woke another thread (an executor handing a task to an idle worker: a futex wake, 1-8 us natively
 * for Caffeine's maintenance task on ForkJoinPool's common pool, {@code CaffeineDrains}; an unlock handing the lock
 * to a parked waiter: Caffeine's drain thread waits in {@code lock()} while a reader holds the lock to schedule it),
 * or was preempted inside it by the thread it woke. Blocking calls (a {@code take}, a {@code Future.get}) are the
 * blocking rules': their parks are counted. Medium confidence: the mechanism is read from the cost, not counted; low
 * below {@link MinimumEvidence#MIN_CHECKS} timed ops.
 */
public final class CallCostRule implements TierRule {
    @Override
    public Optional<Verdict> judge(SiteFacts f) {
        if (!f.counted() || !wakesInside(f.agent()) || f.platformBlocks() > 0 || f.yields() > 0 || f.spins() > 0) {
            return Optional.empty();
        }
        Double ns = f.nsPerOp();
        if (ns == null || ns < Tiers.L3_FLOOR_NS) {
            return Optional.empty();
        }
        long timed = f.agent().latencySamples();
        boolean tooFew = !MinimumEvidence.enoughChecks(timed);
        return Optional.of(new Verdict(Tiers.L3_SYSCALL, Mechanism.WAKEUP_IN_CALL, tooFew ? Verdict.LOW : Verdict.MEDIUM,
                String.format("a call into %s costing %.0f ns per op with no block counted in it: more than any atomic "
                                + "or line handoff, so it entered the kernel (it woke another thread: an idle pool "
                                + "worker, a parked waiter) or was preempted inside it by the thread it woke%s",
                        f.agent().primitive(), ns, tooFew ? String.format("; too few samples (%d timed ops, fewer "
                                + "than %d): a time, not a pattern", timed, MinimumEvidence.MIN_CHECKS) : "")));
    }

    /**
     * A site the agent counts whole, whose inside can wake another thread without any counter showing it: a JDK call,
     * or a lock release (a waiter's wake-up happens inside {@code unlock}).
     */
    public static boolean wakesInside(AgentSite site) {
        return "call".equals(site.kind()) || (site.primitive() != null && site.primitive().endsWith(".unlock"));
    }
}
