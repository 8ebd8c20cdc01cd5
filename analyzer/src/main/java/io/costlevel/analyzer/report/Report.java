package io.costlevel.analyzer.report;

import com.fasterxml.jackson.annotation.JsonInclude;

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
 * @param carrierStarvation virtual threads waiting for a carrier (JDK 21+ under the agent), or null when none was seen
 */
public record Report(int schemaVersion, RunInfo run, List<TierSummary> tiers, List<Site> sites, List<String> blindSpots,
                     @JsonInclude(JsonInclude.Include.NON_NULL) CarrierStarvation carrierStarvation) {
    public static final int SCHEMA_VERSION = 1;

    /** A report without a carrier-starvation finding. */
    public Report(int schemaVersion, RunInfo run, List<TierSummary> tiers, List<Site> sites, List<String> blindSpots) {
        this(schemaVersion, run, tiers, sites, blindSpots, null);
    }

    public Report withCarrierStarvation(CarrierStarvation finding) {
        return new Report(schemaVersion, run, tiers, sites, blindSpots, finding);
    }
}
