package io.costlevel.analyzer.report;

/**
 * @param tier        0..5
 * @param name        short name, e.g. "L2 true sharing"
 * @param sites       number of sites classified in this tier
 * @param shareOfTime fraction (0..1) of the run's attributed time spent at sites of this tier
 */
public record TierSummary(int tier, String name, int sites, double shareOfTime) {
}
