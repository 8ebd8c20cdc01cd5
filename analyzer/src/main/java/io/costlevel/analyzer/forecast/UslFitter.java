package io.costlevel.analyzer.forecast;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Least squares for the Universal Scalability Law, linearized: {@code N / X(N) = a + b (N - 1) + c N (N - 1)}
 * with {@code lambda = 1/a, sigma = b/a, kappa = c/a}, each point weighted by {@code 1 / (N/X)^2} so the
 * residuals are relative (a 10% miss at 8 threads counts as much as at 1). The bounds sigma, kappa >= 0
 * are kept by trying every subset of the two (the active-set solution of so small a problem) and keeping
 * the feasible fit with the least error. Two points fix lambda and sigma only: kappa is then 0 and the fit
 * passes through both, with no error left to judge it by.
 */
public final class UslFitter {
    /** Beyond this RMS relative error the law does not describe the points. */
    static final double MAX_TRUSTED_ERROR = 0.15;
    /** The fewest points with a residual to judge the fit by: three coefficients need four. */
    static final int MIN_TRUSTED_POINTS = 4;

    private UslFitter() {}

    /** @param points at least two distinct thread counts (the caller checks; fewer is bad input) */
    public static UslFit fit(List<Throughput> points, int targetThreads) {
        List<Throughput> sorted = points.stream().sorted(Comparator.comparingInt(Throughput::threads)).toList();
        boolean withKappa = distinctThreads(sorted) >= 3;
        double[] best = null;
        double bestError = Double.POSITIVE_INFINITY;
        for (boolean useSigma : new boolean[] {true, false}) {
            for (boolean useKappa : withKappa ? new boolean[] {true, false} : new boolean[] {false}) {
                double[] abc = solve(sorted, useSigma, useKappa);
                if (abc == null || abc[0] <= 0 || abc[1] < 0 || abc[2] < 0) {
                    continue;
                }
                double error = rmsRelativeError(sorted, abc);
                if (error < bestError - 1e-12) {
                    best = abc;
                    bestError = error;
                }
            }
        }
        if (best == null) {
            // Every positive intercept failed: the throughput falls faster than any contention explains; one thread's rate only.
            best = new double[] {sorted.get(0).threads() / sorted.get(0).opsPerSecond(), 0, 0};
            bestError = rmsRelativeError(sorted, best);
        }
        double a = best[0];
        List<String> caveats = caveats(sorted, withKappa, bestError, targetThreads);
        boolean trusted = distinctThreads(sorted) >= MIN_TRUSTED_POINTS && bestError <= MAX_TRUSTED_ERROR;
        return new UslFit(1 / a, best[1] / a, best[2] / a, sorted, bestError, trusted, caveats);
    }

    private static List<String> caveats(List<Throughput> points, boolean withKappa, double error, int target) {
        List<String> caveats = new ArrayList<>();
        int n = distinctThreads(points);
        if (!withKappa) {
            caveats.add(n + " thread counts: only contention (sigma) is fitted, coherency (kappa) is taken as 0 and the fit "
                    + "passes through the points with no error left to judge it by; record runs at 4 or more thread counts");
        } else if (n < MIN_TRUSTED_POINTS) {
            caveats.add(n + " thread counts for 3 coefficients: the fit passes through the points; record a 4th thread count to judge it");
        }
        if (error > MAX_TRUSTED_ERROR) {
            caveats.add(String.format(Locale.ROOT, "poor fit: %.0f%% RMS error over the points (trusted up to %.0f%%): "
                    + "the throughput does not follow the law, a mechanism changes between the thread counts", 100 * error,
                    100 * MAX_TRUSTED_ERROR));
        }
        int measured = points.get(points.size() - 1).threads();
        if (target > 2 * measured) {
            caveats.add(String.format(Locale.ROOT, "extrapolates from %d to %d threads", measured, target));
        }
        return caveats;
    }

    private static int distinctThreads(List<Throughput> points) {
        return (int) points.stream().mapToInt(Throughput::threads).distinct().count();
    }

    /** Weighted least squares for (a, b, c) with the unused coefficients held at 0; null when singular. */
    private static double[] solve(List<Throughput> points, boolean useSigma, boolean useKappa) {
        int size = 1 + (useSigma ? 1 : 0) + (useKappa ? 1 : 0);
        double[][] ata = new double[size][size];
        double[] aty = new double[size];
        for (Throughput p : points) {
            double nThreads = p.threads();
            double y = nThreads / p.opsPerSecond();
            double w = 1 / (y * y);
            double[] row = new double[size];
            int k = 0;
            row[k++] = 1;
            if (useSigma) {
                row[k++] = nThreads - 1;
            }
            if (useKappa) {
                row[k] = nThreads * (nThreads - 1);
            }
            for (int i = 0; i < size; i++) {
                aty[i] += w * row[i] * y;
                for (int j = 0; j < size; j++) {
                    ata[i][j] += w * row[i] * row[j];
                }
            }
        }
        double[] x = Gauss.solve(ata, aty);
        if (x == null) {
            return null;
        }
        double[] abc = new double[3];
        int k = 0;
        abc[0] = x[k++];
        abc[1] = useSigma ? x[k++] : 0;
        abc[2] = useKappa ? x[k] : 0;
        return abc;
    }

    private static double rmsRelativeError(List<Throughput> points, double[] abc) {
        double sum = 0;
        for (Throughput p : points) {
            double n = p.threads();
            double fitted = n / (abc[0] + abc[1] * (n - 1) + abc[2] * n * (n - 1));
            double relative = (fitted - p.opsPerSecond()) / p.opsPerSecond();
            sum += relative * relative;
        }
        return Math.sqrt(sum / points.size());
    }
}
