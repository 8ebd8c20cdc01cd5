package io.costlevel.analyzer.classify.rules;

import io.costlevel.analyzer.classify.Mechanism;
import io.costlevel.analyzer.classify.SiteFacts;
import io.costlevel.analyzer.classify.TierRule;
import io.costlevel.analyzer.classify.Tiers;
import io.costlevel.analyzer.classify.Verdict;

import java.util.Optional;

/**
 * Level 3, a system call without a context switch (~0.3-2 us): parks that return at once because the
 * permit was already there, and wakeups (unpark, signal, notify: a futex wake) done on most ops.
 * Cross-check, required: the measured op cost is at least a system call's. A signal with nobody
 * waiting is counted as a wakeup but never enters the kernel, and costs a few ns. Where the op's running part (its
 * cost less its blocked time) is more than twice what its kernel entries cost at most, the confidence is medium.
 */
public final class SyscallRule implements TierRule {
    /** Kernel entries per op for them to dominate the op (one per three ops at ~1 us is ~300 ns). */
    static final double MIN_SYSCALLS_PER_OP = 0.3;

    @Override
    public Optional<Verdict> judge(SiteFacts f) {
        if (!f.counted()) {
            return Optional.empty();
        }
        // A virtual thread's block unmounts it in user space: VirtualThreadRule tiers it.
        double perOp = (double) f.platformBlocks() / f.ops() + f.wakeupsPerOp();
        Double ns = f.nsPerOp();
        if (perOp < MIN_SYSCALLS_PER_OP || ns == null || ns < Tiers.L3_FLOOR_NS) {
            return Optional.empty();
        }
        // The upper cross-check: kernel entries explain a running part of at most twice their cost. A logging call
        // whose every call parks once on the handler's lock ran 9-12 us of CPU per call formatting its record (JDK
        // 25, 2026-12-05): its running part is L3 by this rule, as no other mechanism was counted in it, but not
        // with high confidence.
        double running = Math.max(0, ns - f.blockedNsPerOp());
        double entriesCost = perOp * Tiers.ceilingNs(Tiers.L3_SYSCALL);
        boolean unexplained = running > 2 * entriesCost;
        return Optional.of(new Verdict(Tiers.L3_SYSCALL, Mechanism.SYSCALL, unexplained ? Verdict.MEDIUM : Verdict.HIGH,
                String.format("%.2f parks and wakeups (system calls) per op, %.0f ns blocked per park%s%s",
                        perOp, f.platformBlockedNsPerBlock(), YieldRule.costNote(ns), unexplained ? String.format(
                                "; its running part, %.0f ns per op, is more than twice what %.2f kernel entries per "
                                        + "op cost (%.0f ns): work inside the call that no counter shows", running,
                                perOp, entriesCost) : "")));
    }
}
