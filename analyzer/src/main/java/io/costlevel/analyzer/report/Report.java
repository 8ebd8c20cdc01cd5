package io.costlevel.analyzer.report;

import java.util.List;

/**
 * The analysis result: one model, two views (JSON via Jackson, HTML via a template).
 * Field names are the JSON contract (../shared/contract.md); add fields, never rename.
 *
 * @param schemaVersion version of this JSON shape, bumped on incompatible change
 * @param run           what was analysed: JVM, cores, duration, inputs
 * @param tiers         per tier (0..5): how many sites, and their share of the run's time
 * @param sites         one entry per application source location, costliest first
 * @param blindSpots    what the inputs could not show (e.g. atomics and spins without agent data)
 */
public record Report(int schemaVersion, RunInfo run, List<TierSummary> tiers, List<Site> sites, List<String> blindSpots) {
    public static final int SCHEMA_VERSION = 1;
}
