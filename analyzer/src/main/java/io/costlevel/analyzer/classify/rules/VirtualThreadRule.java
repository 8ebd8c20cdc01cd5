package io.costlevel.analyzer.classify.rules;

import io.costlevel.analyzer.attribution.SiteTally;
import io.costlevel.analyzer.classify.CarrierPinning;
import io.costlevel.analyzer.classify.Mechanism;
import io.costlevel.analyzer.classify.SiteFacts;
import io.costlevel.analyzer.classify.TierRule;
import io.costlevel.analyzer.classify.Tiers;
import io.costlevel.analyzer.classify.Verdict;

import io.costlevel.analyzer.input.AgentSite;

import java.util.Optional;

/**
 * Virtual threads (JDK 21+), whose blocks cost two tiers apart by whether they unmount:
 * <ul>
 *   <li>Pinned (jdk.VirtualThreadPinned here): the virtual thread blocked on its carrier (a class initializer or
 *   a native frame on its stack; {@code synchronized} on JDK 21-23), so the carrier is parked by the kernel
 *   like a platform thread: Level 4, flagged as pinning with the frame that pinned it. When the pinned time
 *   fills a large share of all carriers' time ({@link #STARVATION_SHARE}), other virtual threads waited to
 *   mount: carrier starvation, the virtual-thread form of level 5's "the thread that could go has no core".</li>
 *   <li>Unmounted (the agent's blocks of virtual threads, or the recording's CPU samples and parks in the
 *   unmount/remount path): no kernel switch; the continuation is saved and another virtual thread runs on the
 *   carrier. Measured on JDK 25 (docs/tiers.md, samples S13/S14): a round trip between two virtual threads
 *   ~0.3-1.2 us against 5-18 us between platform threads. Level 3 when a block lasts at least the L3 floor
 *   (an unmount, a resubmission and a remount: the scheduler's queue and often a carrier's wakeup), Level 2
 *   when shorter (the permit was there, nothing unmounted).</li>
 * </ul>
 */
public final class VirtualThreadRule implements TierRule {
    /**
     * Of a site's CPU samples (recording only), this share in the unmount/remount path makes handoffs a real part
     * of its cost. One such sample already proves the mechanism: that code runs only when the line hands over.
     */
    static final double MIN_HANDOFF_SAMPLE_SHARE = 0.1;

    @Override
    public Optional<Verdict> judge(SiteFacts f) {
        SiteTally t = f.tally();
        if (t.pinnedEvents() > 0 && pinsDominate(f, t)) {
            return pinned(f);
        }
        Optional<Verdict> unmounted = unmounted(f);
        return unmounted.isPresent() ? unmounted : handoffSamples(f);
    }

    /**
     * The running part of a virtual-thread site: CPU samples in the unmount/remount path ({@link #handoffSamples}),
     * or else a handoff that mostly completes without unmounting ({@link #handoffWithoutUnmount}).
     */
    public static Optional<Verdict> running(SiteFacts f) {
        Optional<Verdict> samples = handoffSamples(f);
        return samples.isPresent() ? samples : handoffWithoutUnmount(f);
    }

    /**
     * A JDK call run mostly by virtual threads (a SynchronousQueue's put or take), some of whose calls unmounted,
     * whose op costs what a handoff costs: at least {@link #MIN_HANDOFF_NS} of CPU and blocked time per op, measured
     * by CPU samples. When the other side is running the handoff completes without unmounting (the queue spins
     * before it parks) and few samples fall in the unmount path, but the queue's node still moves between the two
     * carriers. The agent's handoff check is per site, so put and take, two sites on one line, do not show it;
     * the cost does. Measured on JDK 25, 2 cores: S13's virtual round trip 274-338 ns, 150-170 ns per op and line,
     * 2-11 of 300-560 samples in the unmount path in some runs, 37-321 in others.
     */
    public static Optional<Verdict> handoffWithoutUnmount(SiteFacts f) {
        AgentSite a = f.agent();
        if (a == null || !"call".equals(a.kind()) || a.virtual().ops() * 2 < a.ops() || f.virtualBlocks() == 0
                || f.threads() < 2 || !f.samplesMeasureRunning()) {
            return Optional.empty();
        }
        Double ns = f.nsPerOp();
        if (ns == null || ns < MIN_HANDOFF_NS) {
            return Optional.empty();
        }
        return Optional.of(new Verdict(Tiers.L2_TRUE_SHARING, Mechanism.VIRTUAL_UNMOUNT, Verdict.MEDIUM, String.format(
                "virtual threads hand over here, mostly without unmounting: %.0f ns per op on a core or blocked, a "
                        + "handoff's cost (an uncontended call costs tens of ns), %d of %d ops unmounted; the other side "
                        + "was running, so the line moved between carriers (the agent checks handoffs per site, and "
                        + "the two sides of a queue are two sites)", ns, f.virtualBlocks(), f.ops())));
    }

    /** Below this CPU and blocked time per op a call on virtual threads is not a handoff (an AtomicLong: ~5-20 ns). */
    static final double MIN_HANDOFF_NS = 2 * Tiers.L2_FLOOR_NS;

    /**
     * The mechanism of the site's pinned blocks, whatever their share: the time model ({@code SiteTime}) weighs
     * their time against the rest. Empty without any.
     */
    public static Optional<Verdict> pinned(SiteFacts f) {
        return f.tally().pinnedEvents() == 0 ? Optional.empty() : Optional.of(pinnedVerdict(f));
    }

    /** The mechanism of the blocks that unmounted, from the agent's count or else the recording's events. */
    public static Optional<Verdict> unmounted(SiteFacts f) {
        if (f.virtualBlocks() > 0) {
            return Optional.of(unmountedCounted(f));
        }
        return f.tally().virtualBlockEvents() > 0 ? Optional.of(unmountedRecorded(f.tally())) : Optional.empty();
    }

    /** CPU samples in the unmount/remount path: running time spent handing over, when they are a real share. */
    public static Optional<Verdict> handoffSamples(SiteFacts f) {
        SiteTally t = f.tally();
        long samples = t.virtualHandoffSamples();
        return samples > 0 && samples >= MIN_HANDOFF_SAMPLE_SHARE * t.cpuSamples()
                ? Optional.of(unmountedRecorded(t)) : Optional.empty();
    }

    /**
     * Of the virtual threads' blocks the agent counted here, at least this share pinned makes pinning the site's
     * mechanism; rarer pins (a first call that links a method handle pins once) stay flagged in the report's
     * pinning figures while the unmounting blocks decide the tier.
     */
    static final double MIN_PINNED_SHARE = 0.1;

    /**
     * The agent's count of virtual threads' blocks, else the recording's (blocks over its threshold); with neither,
     * every recorded pin (each at least 2 us of a blocked carrier) decides.
     */
    private static boolean pinsDominate(SiteFacts f, SiteTally t) {
        long blocks = Math.max(f.virtualBlocks(), t.virtualBlockEvents());
        return blocks == 0 || t.pinnedEvents() >= MIN_PINNED_SHARE * blocks;
    }

    private static Verdict pinnedVerdict(SiteFacts f) {
        CarrierPinning p = CarrierPinning.of(f);
        String frame = p.frame() == null
                ? "no class initializer or native frame in the stack (a monitor held by a synchronized caller pins on JDK 21-23)"
                : "pinned by " + p.frame();
        String reason = p.reason() == null ? "" : " (\"" + p.reason() + "\")";
        String carriers = p.starvesCarriers()
                ? String.format("; carrier starvation: pinned blocks here held %.0f%% of the %d carriers' time over %.3f s "
                        + "(the scheduler's parallelism, one carrier per core), and all %d at once for %.0f ms: other "
                        + "virtual threads could not mount then", 100 * p.carrierShare(), p.carriers(), p.spanNanos() / 1e9,
                        p.carriers(), p.allCarriersPinnedNanos() / 1e6)
                : String.format("; they held %.0f%% of the %d carriers' time over %.3f s", 100 * p.carrierShare(),
                        p.carriers(), p.spanNanos() / 1e9);
        return new Verdict(Tiers.L4_CONTEXT_SWITCH, Mechanism.PINNED_CARRIER, Verdict.HIGH,
                String.format("pinning: %d virtual-thread blocks here kept their carrier blocked (jdk.VirtualThreadPinned), "
                        + "%.1f us each; %s%s%s", p.events(), p.meanNanos() / 1000, frame, reason, carriers));
    }

    private static Verdict unmountedCounted(SiteFacts f) {
        double perBlock = f.virtualBlockedNsPerBlock();
        int tier = perBlock >= Tiers.L3_FLOOR_NS ? Tiers.L3_SYSCALL : Tiers.L2_TRUE_SHARING;
        return new Verdict(tier, Mechanism.VIRTUAL_UNMOUNT, Verdict.HIGH,
                String.format("%d of %d blocks here were virtual threads' (%d threads), %.2f us blocked each: an unmount "
                                + "and a remount, no kernel switch%s",
                        f.virtualBlocks(), f.blocks(), f.agent().virtual().threads(), perBlock / 1000,
                        perBlock >= Tiers.L4_FLOOR_NS ? " (the rest of the time is waiting for the other side, not CPU)" : ""));
    }

    private static Verdict unmountedRecorded(SiteTally t) {
        return new Verdict(Tiers.L3_SYSCALL, Mechanism.VIRTUAL_UNMOUNT, Verdict.MEDIUM,
                String.format("virtual threads hand over here: %d of %d CPU samples in the unmount/remount path "
                                + "(VirtualThread.park/unpark, Continuation.yield)%s; no kernel switch, ~0.3-0.6 us per "
                                + "handoff measured on JDK 25 (docs/tiers.md)",
                        t.virtualHandoffSamples(), t.cpuSamples(),
                        t.virtualBlockEvents() == 0 ? "" : String.format(", %d blocks that unmounted (%.1f us each, waiting included)",
                                t.virtualBlockEvents(), (double) t.virtualBlockNanos() / t.virtualBlockEvents() / 1000)));
    }
}
