package io.costlevel.analyzer.classify;

import io.costlevel.analyzer.attribution.SiteTally;

/**
 * What the pinned blocks of one site (jdk.VirtualThreadPinned) did to the virtual-thread scheduler: how much of
 * all carriers' time they held. The scheduler runs one carrier per core by default
 * ({@code jdk.virtualThreadScheduler.parallelism}); when pinned blocks hold most of that time, the other virtual
 * threads wait to mount: carrier starvation, the virtual-thread form of level 5 (the thread that could go has no
 * core to run on).
 *
 * @param events       pinned blocks at the site
 * @param meanNanos    their mean duration (the carrier blocked with them)
 * @param frame        the commonest frame that pinned them (a class initializer, a native method), or null
 * @param reason       the commonest reason the recording gave (JDK 24+), or null
 * @param carriers     the scheduler's parallelism assumed: the run's cores
 * @param carrierShare pinned time over all carriers' time while pinning went on here (carriers x the span from
 *                     the first pinned block to the end of the last; the run's duration when that span is 0)
 * @param spanNanos    that span
 * @param allCarriersPinnedNanos wall time, in slices of 10 ms, during which pinned blocks here held (nearly) every
 *                     carrier at once: no other virtual thread could mount then, however long it had waited
 */
public record CarrierPinning(long events, double meanNanos, String frame, String reason, int carriers,
                             double carrierShare, long spanNanos, long allCarriersPinnedNanos) {
    /** Pinned blocks holding at least this share of all carriers' time leave other virtual threads waiting to mount. */
    public static final double STARVATION_SHARE = 0.5;
    /** ... for at least this long: two pins that overlap for a millisecond are a hiccup, not starvation. */
    public static final long MIN_STARVATION_SPAN_NANOS = 100_000_000;

    /** Null when the site had no pinned block. */
    public static CarrierPinning of(SiteFacts f) {
        SiteTally t = f.tally();
        if (t.pinnedEvents() == 0) {
            return null;
        }
        // Over the span pinning lasted, not the whole recording: a JVM's start and exit are no carrier time anyone missed.
        long span = t.pinnedSpanNanos() > 0 ? t.pinnedSpanNanos() : (long) (f.run().durationSeconds() * 1e9);
        double carrierNanos = (double) f.cores() * span;
        return new CarrierPinning(t.pinnedEvents(), (double) t.pinnedNanos() / t.pinnedEvents(), t.pinningFrame(),
                t.pinnedReason(), f.cores(), carrierNanos <= 0 ? 0 : Math.min(1, t.pinnedNanos() / carrierNanos), span,
                t.pinnedTimeline().allCarriersPinnedNanos(f.cores()));
    }

    public boolean starvesCarriers() {
        return carrierShare >= STARVATION_SHARE && spanNanos >= MIN_STARVATION_SPAN_NANOS;
    }
}
