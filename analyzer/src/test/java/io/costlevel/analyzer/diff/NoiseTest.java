package io.costlevel.analyzer.diff;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The two tests against values worked out by hand (formulas in Noise's comment). */
class NoiseTest {

    @Test
    void twoProportionsMatchesTheTextbookFormula() {
        // 30/100 vs 50/100: pooled 0.4, se = sqrt(0.4 * 0.6 * 0.02) = 0.069282, z = 0.2 / 0.069282 = 2.8868
        assertThat(Noise.twoProportions(30, 100, 50, 100)).isCloseTo(2.8868, within(1e-4));
        assertThat(Noise.twoProportions(50, 100, 30, 100)).isCloseTo(-2.8868, within(1e-4));
        assertThat(Noise.significant(2.8868)).as("p = 0.004 is not enough for a per-figure test").isFalse();
    }

    @Test
    void aProportionWithoutTrialsOrWithoutSpreadIsNoChange() {
        assertThat(Noise.twoProportions(0, 0, 5, 10)).isZero();
        assertThat(Noise.twoProportions(0, 1_000_000, 0, 2_000_000)).isZero();
        assertThat(Noise.twoProportions(10, 10, 20, 20)).isZero();
    }

    @Test
    void aCasFailureRateFromZeroToAFewPercentOfMillionsOfAttemptsIsFarBeyondTheNoise() {
        double z = Noise.twoProportions(0, 89_000_000, 200_000, 34_000_000);
        assertThat(z).isGreaterThan(100);
        assertThat(Noise.significant(z)).isTrue();
    }

    @Test
    void poissonRatesConditionOnTheTotal() {
        // k1 = 10 over 1 s, k2 = 30 over 1 s: 40 events, expected 20 in NEW, sd = sqrt(40 * 0.25) = 3.1623,
        // continuity-corrected (|30 - 20| - 0.5) / 3.1623 = 3.0042
        assertThat(Noise.poissonRates(10, 1, 30, 1)).isCloseTo(3.0042, within(1e-4));
        assertThat(Noise.poissonRates(30, 1, 10, 1)).isCloseTo(-3.0042, within(1e-4));
        // the same per-second rate over a twice longer run is no change
        assertThat(Noise.poissonRates(50, 1, 100, 2)).isCloseTo(0, within(0.1));
    }

    @Test
    void oneEventAgainstNoneIsNoiseAndTwentyAreNot() {
        assertThat(Noise.significant(Noise.poissonRates(0, 1, 1, 1))).isFalse();
        assertThat(Noise.significant(Noise.poissonRates(0, 1, 10, 1))).isFalse();
        assertThat(Noise.significant(Noise.poissonRates(0, 1, 20, 1))).isTrue();
    }

    /**
     * The same CPU samples per op with four times the measured latency (two real runs of S03 at one
     * thread on a loaded machine: 54 samples over 62.3 M ops at 61.8 ns/op, 84 over 96.3 M at 14.8):
     * the samples say the CPU time per op did not move.
     */
    @Test
    void cpuSamplesPerOpOfTwoRunsOfOneProgramAgree() {
        assertThat(Noise.significant(Noise.poissonRates(54, 62_259_387, 84, 96_291_677))).isFalse();
    }
}
