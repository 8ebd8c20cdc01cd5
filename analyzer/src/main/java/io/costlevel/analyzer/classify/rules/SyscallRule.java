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
 * waiting is counted as a wakeup but never enters the kernel, and costs a few ns.
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
        return Optional.of(new Verdict(Tiers.L3_SYSCALL, Mechanism.SYSCALL, Verdict.HIGH,
                String.format("%.2f parks and wakeups (system calls) per op, %.0f ns blocked per park%s",
                        perOp, f.platformBlockedNsPerBlock(), YieldRule.costNote(ns))));
    }
}
