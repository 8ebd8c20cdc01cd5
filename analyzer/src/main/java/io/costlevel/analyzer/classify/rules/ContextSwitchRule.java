package io.costlevel.analyzer.classify.rules;

import io.costlevel.analyzer.classify.Mechanism;
import io.costlevel.analyzer.classify.SiteFacts;
import io.costlevel.analyzer.classify.TierRule;
import io.costlevel.analyzer.classify.Tiers;
import io.costlevel.analyzer.classify.Verdict;

import java.util.Optional;

/**
 * Level 4, implied context switch: threads park, wait or sleep here, and the kernel switches them out
 * and back in (2-100 us each). Counted by the agent (parks, waits, sleeps and their time) or seen by
 * the recording (jdk.ThreadPark, jdk.JavaMonitorEnter, jdk.JavaMonitorWait, jdk.ThreadSleep above its
 * threshold). Two cross-checks: a block must last as long as a switch (a park that returns at once
 * found its permit and is a Level 3 system call), and blocking must be a real part of the op's cost,
 * not a rare event under an otherwise cheap op (a ReentrantLock that parks once per thousand ops is
 * Level 2). Only platform threads' blocks count: a virtual thread that blocks unmounts from its carrier
 * without a kernel switch ({@link VirtualThreadRule} tiers those, and pinned ones).
 */
public final class ContextSwitchRule implements TierRule {
    /** A block shorter than this on average did not switch. */
    static final double MIN_NS_PER_BLOCK = Tiers.L4_FLOOR_NS;
    /** Blocked time per op at least a system call's cost: switching dominates the op's cost. */
    static final double MIN_BLOCKED_NS_PER_OP = Tiers.L3_FLOOR_NS;

    @Override
    public Optional<Verdict> judge(SiteFacts f) {
        if (f.counted()) {
            return counted(f);
        }
        if (f.jfrBlockingEvents() > 0) {
            // Without the agent, ops are unknown: every event the recording kept lasted at least its
            // threshold (10-20 ms by default), far beyond a switch.
            double mean = (double) f.tally().jfrBlockedNanos() / f.jfrBlockingEvents();
            return Optional.of(new Verdict(Tiers.L4_CONTEXT_SWITCH, Mechanism.BLOCKING, Verdict.MEDIUM,
                    String.format("the recording saw %d blocking events here (park, monitor, wait or sleep), %.0f us each on average",
                            f.jfrBlockingEvents(), mean / 1000)));
        }
        return Optional.empty();
    }

    private Optional<Verdict> counted(SiteFacts f) {
        if (f.platformBlocks() == 0 || f.platformBlockedNsPerBlock() < MIN_NS_PER_BLOCK
                || f.platformBlockedNsPerOp() < MIN_BLOCKED_NS_PER_OP) {
            return Optional.empty();
        }
        Double ns = f.nsPerOp();
        String confidence = ns == null || ns >= Tiers.L3_FLOOR_NS ? Verdict.HIGH : Verdict.MEDIUM;
        return Optional.of(new Verdict(Tiers.L4_CONTEXT_SWITCH, Mechanism.BLOCKING, confidence,
                String.format("%.3f blocks (park, wait, sleep) per op, %.1f us each, %.0f ns blocked per op",
                        (double) f.platformBlocks() / f.ops(), f.platformBlockedNsPerBlock() / 1000,
                        f.platformBlockedNsPerOp())));
    }
}
