package io.costlevel.analyzer.forecast.rules;

import io.costlevel.analyzer.classify.CarrierPinning;
import io.costlevel.analyzer.classify.Tiers;
import io.costlevel.analyzer.forecast.ForecastRule;
import io.costlevel.analyzer.forecast.Move;
import io.costlevel.analyzer.forecast.SiteHistory;
import io.costlevel.analyzer.forecast.SitePoint;
import io.costlevel.analyzer.forecast.Target;

import java.util.Locale;

/**
 * Virtual threads' blocks (JDK 21+: the agent's {@code virtualBlocks}, the recording's unmounted blocks and pinned
 * events; docs/tiers.md#virtual-threads). A virtual thread that parks, waits or sleeps unmounts: its continuation
 * is saved and its carrier runs another virtual thread; woken, it is resubmitted and remounted. No kernel switch
 * however many virtual threads there are: more of them than carriers only make a woken thread wait in the
 * scheduler's queue, waiting, not a switch. So the site stays at the unmount's tier, L3 (L2 while its blocks are
 * shorter than an unmount and every thread has a carrier), where a platform thread's block is L4
 * ({@link BlockingRule}).
 *
 * <p>Unless the blocks are pinned (a class initializer or a native frame under them, {@code synchronized} on JDK
 * 21-23): a pinned block holds its carrier like a platform thread, L4, and with more virtual threads per carrier
 * the pinned blocks take a growing share of the carriers' time, up to starvation (the others wait to mount).
 */
public final class VirtualBlockRule implements ForecastRule {
    /** Of the virtual threads' blocks, this share pinned makes pinning the mechanism (the classifier's VirtualThreadRule). */
    static final double MIN_PINNED_SHARE = 0.1;
    /**
     * Blocks in fewer than this share of the ops are incidental (a lock that parks once in a thousand acquisitions):
     * counted per op, not in ns per op, since an unmount that found its permit lasts under the L3 floor.
     */
    static final double MIN_BLOCKS_PER_OP = 0.01;

    @Override
    public Move forecast(SiteHistory site, Target target) {
        SitePoint today = site.today();
        long counted = today.count("virtualBlocks");
        long recorded = today.count("jfrVirtualBlockEvents");
        long pinned = today.count("jfrPinnedEvents");
        long blocks = Math.max(counted, recorded);
        if (pinned > 0 && pinned >= MIN_PINNED_SHARE * blocks) {
            return pinned(today, target, pinned, blocks);
        }
        boolean realPart = counted > 0
                ? counted >= MIN_BLOCKS_PER_OP * today.count("ops")
                : !today.hasAgent() && recorded > 0;
        if (!realPart) {
            return null;
        }
        String measured = counted > 0
                ? String.format(Locale.ROOT, "%d blocks of %.2f us on average by %d virtual threads", counted,
                        today.count("virtualBlockedNanos") / 1e3 / counted, today.count("virtualThreads"))
                : recorded + " unmounted blocks in the recording";
        if (target.threads() == 1 && today.threads() > 1) {
            return new Move(1, "single-thread", "virtual threads block for each other (" + measured
                    + "): one thread never waits -> L1", Move.MEDIUM);
        }
        boolean shortBlocks = counted > 0 && today.count("virtualBlockedNanos") / (double) counted < Tiers.L3_FLOOR_NS;
        if (shortBlocks && !target.oversubscribed()) {
            return new Move(2, "virtual-unmount", String.format(Locale.ROOT,
                    "virtual threads block here (%s), shorter than an unmount: with a carrier for each of %d threads the "
                            + "permit is mostly there already -> L2", measured, target.threads()),
                    ForecastRule.sameRegime(today, target));
        }
        return new Move(3, "virtual-unmount", String.format(Locale.ROOT,
                "virtual threads block here (%s): a block unmounts and remounts, no kernel switch; %d virtual threads on "
                        + "%d carriers only wait longer in the scheduler's queue -> L3, not L4 as platform threads would",
                measured, target.threads(), target.cores()), ForecastRule.sameRegime(today, target));
    }

    /**
     * Pinned blocks hold their carrier: L4 at any thread count. The share of the carriers' time they hold grows with
     * the virtual threads per carrier (each thread pins as often per op): today's share x (N / today's threads) x
     * (today's cores / M), at most all of it.
     */
    private static Move pinned(SitePoint today, Target target, long pinned, long blocks) {
        String measured = blocks > 0 ? String.format(Locale.ROOT, "%d of %d virtual-thread blocks pinned", Math.min(pinned, blocks), blocks)
                : pinned + " pinned blocks in the recording";
        CarrierPinning pinning = today.site().pinning();
        // The agent's count of virtual threads: the recording's threads at a pinned site also count the carriers.
        long threads = today.count("virtualThreads") > 0 ? today.count("virtualThreads") : today.threads();
        if (pinning == null || threads <= 0) {
            return new Move(4, "pinned-carrier", "pinned virtual threads (" + measured
                    + "): a pinned block holds its carrier, which the kernel switches out like a platform thread -> stays L4",
                    ForecastRule.sameRegime(today, target));
        }
        double share = Math.min(1, pinning.carrierShare() * target.threads() / threads * today.cores() / target.cores());
        boolean starved = share >= CarrierPinning.STARVATION_SHARE;
        return new Move(4, starved ? "carrier-starvation" : "pinned-carrier", String.format(Locale.ROOT,
                "pinned virtual threads (%s, %.0f%% of %d carriers' time at %d threads): a pinned block holds its carrier "
                        + "like a platform thread, L4; at %d threads on %d carriers they would hold ~%.0f%% of it%s",
                measured, 100 * pinning.carrierShare(), pinning.carriers(), threads, target.threads(),
                target.cores(), 100 * share,
                starved ? ": carrier starvation, other virtual threads wait to mount -> L4, starving" : " -> stays L4"),
                ForecastRule.sameRegime(today, target));
    }
}
