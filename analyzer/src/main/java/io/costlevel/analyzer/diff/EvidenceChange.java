package io.costlevel.analyzer.diff;

/**
 * One measured figure of a site in both runs and what its noise test said.
 *
 * @param name     the figure, e.g. casFailureRatio (docs/diff.md lists them)
 * @param base     its value in BASE
 * @param now      its value in NEW
 * @param z        the test's z score, positive when NEW is higher
 * @param changed  beyond the noise ({@link Noise#Z_CRITICAL}) and large enough to matter ({@link Measure#material})
 * @param test     the test used, in words
 * @param perOp    a cost of the site's operation (it can explain a change of ns/op or of tier), not how much the site is used
 */
public record EvidenceChange(String name, double base, double now, double z, boolean changed, String test, boolean perOp) {
    public boolean rose() {
        return changed && z > 0;
    }

    public boolean fell() {
        return changed && z < 0;
    }
}
