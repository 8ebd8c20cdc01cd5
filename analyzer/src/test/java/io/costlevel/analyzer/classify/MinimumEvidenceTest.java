package io.costlevel.analyzer.classify;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class MinimumEvidenceTest {
    /**
     * From 100 checks the ratio decides; below, only a ratio whose 3-sigma Wilson interval clears the threshold, on 10
     * events or more: the HTTP service's hits monitor (64 handoffs in 83 checks, a slow host's 3 s run) is shared, one
     * handoff in one check (the spinning ticket lock's golden recording) or 12 in 90 are not told.
     */
    @ParameterizedTest(name = "{0} of {1} at {2}: {3}")
    @CsvSource({
            "10, 100, 0.1, true",
            "9, 100, 0.1, false",
            "64, 83, 0.1, true",
            "1, 1, 0.1, false",
            "9, 9, 0.1, false",
            "12, 90, 0.1, false",
            "30, 40, 0.1, true",
            "0, 0, 0.1, false",
            "10, 50, 0.001, true"})
    void aRatioFromFewChecksDecidesOnlyFarAboveItsThreshold(long events, long checks, double threshold, boolean decides) {
        assertThat(MinimumEvidence.ratioAtLeast(events, checks, threshold)).isEqualTo(decides);
    }

    @ParameterizedTest(name = "{0} of {1}")
    @CsvSource({"64, 83, 0.61", "1, 1, 0.10", "0, 10, 0.0"})
    void theWilsonLowerBoundAtThreeSigmas(long events, long checks, double lower) {
        assertThat(MinimumEvidence.wilsonLowerBound(events, checks, 3)).isCloseTo(lower, org.assertj.core.data.Offset.offset(0.005));
    }
}
