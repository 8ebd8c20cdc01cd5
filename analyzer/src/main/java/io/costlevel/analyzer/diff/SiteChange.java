package io.costlevel.analyzer.diff;

import java.util.List;

/**
 * A pair of sites and the verdict on it.
 *
 * @param change       what happened
 * @param certain      false when a tier moved but no figure behind it changed beyond the noise:
 *                     the move is shown as uncertain and fires no rule
 * @param nsPerOpGrowth NEW ns/op over BASE's minus 1 (0.5 = +50 %), null when either is unknown
 * @param nsPerOpConfirmed the ns/op change goes with a figure that changed beyond the noise the same way
 * @param evidence     every figure both runs measured, changed or not
 * @param hidden       below --min-share in both runs, or idle: listed in the JSON, not in the text, no rule looks at it
 */
public record SiteChange(SitePair pair, Change change, boolean certain, Double nsPerOpGrowth, boolean nsPerOpConfirmed,
                         List<EvidenceChange> evidence, boolean hidden) {

    public SiteView base() {
        return pair.base();
    }

    public SiteView now() {
        return pair.now();
    }

    /** The evidence figures that changed beyond the noise. */
    public List<EvidenceChange> changedEvidence() {
        return evidence.stream().filter(EvidenceChange::changed).toList();
    }
}
