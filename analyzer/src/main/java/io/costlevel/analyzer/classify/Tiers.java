package io.costlevel.analyzer.classify;

import java.util.List;

/**
 * The concurrency cost hierarchy (Travis Downs, "A Concurrency Cost Hierarchy", the seed article's
 * source): six levels, each roughly an order of magnitude costlier per operation than the last.
 * Bounds are per operation; they cross-check a mechanism, they never decide a tier alone.
 */
public final class Tiers {
    private Tiers() {}

    public static final int L0_VANILLA = 0;
    public static final int L1_UNCONTENDED_ATOMIC = 1;
    public static final int L2_TRUE_SHARING = 2;
    public static final int L3_SYSCALL = 3;
    public static final int L4_CONTEXT_SWITCH = 4;
    public static final int L5_CATASTROPHE = 5;

    /**
     * Level 1 starts at the cost of one atomic instruction (~2 ns; a plain load or store is below).
     * No rule uses it: L0 and L1 differ by mechanism (an atomic instruction or none), which the agent
     * counts. It is where the report draws the line between their bands.
     */
    public static final double L1_FLOOR_NS = 2;
    /** Level 2 starts where a cache line has to move between cores (~20 ns; an AtomicLong shared by two cores measured 17 ns). */
    public static final double L2_FLOOR_NS = 20;
    /** Level 3 starts at the cost of entering the kernel (~300 ns). */
    public static final double L3_FLOOR_NS = 300;
    /** Level 4 starts at the cost of a context switch (~2 us). */
    public static final double L4_FLOOR_NS = 2_000;
    /** Level 5 is milliseconds per operation: whole time slices burnt (a spinning ticket lock at 4x cores: 50 ms). */
    public static final double L5_FLOOR_NS = 1_000_000;

    /** Where each tier's cost range starts, L0 (from nothing) to L5; a tier ends where the next starts. */
    private static final double[] FLOOR_NS = {0, L1_FLOOR_NS, L2_FLOOR_NS, L3_FLOOR_NS, L4_FLOOR_NS, L5_FLOOR_NS};

    /** A typical cost per operation in each tier, used to project what moving a site would save (the seed ladder's medians). */
    private static final double[] TYPICAL_NS = {1, 6, 50, 800, 20_000, 5_000_000};

    private static final List<String> NAMES = List.of(
            "L0 vanilla", "L1 uncontended atomic", "L2 true sharing",
            "L3 system call", "L4 context switch", "L5 catastrophe");

    public static String name(int tier) {
        return NAMES.get(tier);
    }

    /** The cost per operation where the tier's range starts (0 for L0). */
    public static double floorNs(int tier) {
        return FLOOR_NS[tier];
    }

    /** Where the tier's range ends: the next tier's floor; L5 has no end (infinity). */
    public static double ceilingNs(int tier) {
        return tier + 1 < FLOOR_NS.length ? FLOOR_NS[tier + 1] : Double.POSITIVE_INFINITY;
    }

    public static double typicalNs(int tier) {
        return TYPICAL_NS[tier];
    }

    public static int count() {
        return NAMES.size();
    }
}
