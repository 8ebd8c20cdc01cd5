package io.costlevel.analyzer.forecast;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class UslFitterTest {
    private static List<Throughput> law(double lambda, double sigma, double kappa, int... threads) {
        return IntStream.of(threads).mapToObj(n -> new Throughput(n, lambda * n / (1 + sigma * (n - 1) + kappa * n * (n - 1)))).toList();
    }

    @Test
    void recoversTheCoefficientsOfPointsOnTheLaw() {
        UslFit fit = UslFitter.fit(law(1e6, 0.05, 0.002, 1, 2, 4, 8, 16), 40);

        assertThat(fit.lambda()).isCloseTo(1e6, within(1.0));
        assertThat(fit.sigma()).isCloseTo(0.05, within(1e-6));
        assertThat(fit.kappa()).isCloseTo(0.002, within(1e-8));
        assertThat(fit.peakThreads()).isCloseTo(Math.sqrt(0.95 / 0.002), within(1e-3));
        assertThat(fit.rmsRelativeError()).isLessThan(1e-9);
        assertThat(fit.trustworthy()).isTrue();
        assertThat(fit.caveats()).hasSize(1).allMatch(c -> c.contains("extrapolates from 16 to 40"));
    }

    @Test
    void noisyPointsFitWithTheirErrorShown() {
        List<Throughput> noisy = List.of(new Throughput(1, 1.0e6), new Throughput(2, 1.7e6), new Throughput(4, 2.9e6),
                new Throughput(8, 3.1e6), new Throughput(16, 2.4e6));

        UslFit fit = UslFitter.fit(noisy, 16);

        assertThat(fit.sigma()).isGreaterThan(0);
        assertThat(fit.kappa()).isGreaterThan(0);
        assertThat(fit.rmsRelativeError()).isBetween(1e-4, 0.15);
        assertThat(fit.peakThreads()).isBetween(6.0, 14.0);
        assertThat(fit.trustworthy()).isTrue();
    }

    @Test
    void twoPointsFitContentionOnlyAndSaySo() {
        UslFit fit = UslFitter.fit(law(2e6, 0.3, 0, 1, 2), 8);

        assertThat(fit.sigma()).isCloseTo(0.3, within(1e-9));
        assertThat(fit.kappa()).isZero();
        assertThat(fit.trustworthy()).isFalse();
        assertThat(fit.caveats()).anyMatch(c -> c.contains("2 thread counts") && c.contains("kappa"))
                .anyMatch(c -> c.contains("extrapolates from 2 to 8"));
    }

    @Test
    void boundsHoldWhenThroughputGrowsFasterThanTheThreads() {
        // Superlinear (a warmer cache at 2 threads): an unbounded fit would give a negative sigma.
        UslFit fit = UslFitter.fit(List.of(new Throughput(1, 1e6), new Throughput(2, 2.4e6), new Throughput(4, 4.1e6)), 4);

        assertThat(fit.sigma()).isGreaterThanOrEqualTo(0);
        assertThat(fit.kappa()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void aCollapseTheLawCannotFollowIsAPoorFit() {
        // The spinning ticket lock: fine at threads <= cores, 5 orders of magnitude slower past them.
        List<Throughput> collapse = List.of(new Throughput(1, 9e7), new Throughput(2, 4e6), new Throughput(3, 3.5e6),
                new Throughput(4, 2e2), new Throughput(8, 1.6e2));

        UslFit fit = UslFitter.fit(collapse, 8);

        assertThat(fit.trustworthy()).isFalse();
        assertThat(fit.caveats()).anyMatch(c -> c.startsWith("poor fit"));
    }
}
