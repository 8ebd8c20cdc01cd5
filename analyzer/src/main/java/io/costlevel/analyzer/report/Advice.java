package io.costlevel.analyzer.report;

/**
 * What moving a site down a tier would take and save.
 *
 * @param targetTier          the cheaper tier it could move to
 * @param summary             one line, e.g. "contended AtomicLong counter -> LongAdder"
 * @param how                 a few sentences on how
 * @param projectedNsPerOp    estimated cost per op after the change, or null
 * @param projectedSavingNsPerSecond (nsPerOp - projectedNsPerOp) x opsPerSecond: ns of thread time saved
 *                            per second of wall time, or null when either figure is unknown
 */
public record Advice(int targetTier, String summary, String how, Double projectedNsPerOp, Double projectedSavingNsPerSecond) {
}
