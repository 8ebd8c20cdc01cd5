package io.costlevel.analyzer.forecast;

/**
 * A rule's forecast for one site.
 *
 * @param tier       the tier expected at the target
 * @param mechanism  the mechanism behind it, a short name ("spin-descheduled", "shared-line", ...)
 * @param reason     the move in words, with the figures it rests on
 * @param confidence "high": the mechanism was measured in the regime of the target (same side of
 *                   threads = cores, and shared by 2+ threads where sharing matters); "medium": measured
 *                   in another regime and carried over; "low": no agent counters, the mechanism is inferred
 */
public record Move(int tier, String mechanism, String reason, String confidence) {
    public static final String HIGH = "high";
    public static final String MEDIUM = "medium";
    public static final String LOW = "low";
}
