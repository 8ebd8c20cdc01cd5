package io.costlevel.analyzer.attribution;

import java.util.HashMap;
import java.util.Map;

/**
 * When pinned virtual threads held carriers, in slices of {@link #SLICE_NANOS}: each pinned block adds its
 * overlap with every slice it covers. A slice whose pinned time reaches nearly all carriers' time in it
 * ({@link #FULL}) is one where no other virtual thread could mount: that is measured from the events, not
 * modelled. Memory grows with the slices pins fall in (a few dozen bytes each: 36,000 for an hour of pins).
 */
public final class PinnedTimeline {
    public static final long SLICE_NANOS = 10_000_000;
    /** Pinned time over carriers x slice from which the slice counts as all carriers pinned. */
    static final double FULL = 0.9;

    private final Map<Long, long[]> pinnedBySlice = new HashMap<>();

    void add(long startNanos, long nanos) {
        long end = startNanos + nanos;
        for (long slice = Math.floorDiv(startNanos, SLICE_NANOS); slice * SLICE_NANOS < end; slice++) {
            long from = Math.max(startNanos, slice * SLICE_NANOS);
            long to = Math.min(end, (slice + 1) * SLICE_NANOS);
            pinnedBySlice.computeIfAbsent(slice, s -> new long[1])[0] += to - from;
        }
    }

    /** Wall time during which pinned blocks held (nearly) all {@code carriers}, in whole slices. */
    public long allCarriersPinnedNanos(int carriers) {
        if (carriers <= 0) {
            return 0;
        }
        double full = FULL * carriers * SLICE_NANOS;
        return pinnedBySlice.values().stream().filter(p -> p[0] >= full).count() * SLICE_NANOS;
    }
}
