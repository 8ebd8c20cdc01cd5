package io.costlevel.analyzer.forecast;

import java.util.List;

/**
 * The Universal Scalability Law fitted to measured throughputs:
 * {@code X(N) = lambda N / (1 + sigma (N - 1) + kappa N (N - 1))}.
 *
 * @param lambda           ops per second of one thread without contention
 * @param sigma            contention: the share of the work that is serialized
 * @param kappa            coherency: the cost of each pair of threads agreeing on shared state
 * @param points           the throughputs it was fitted to
 * @param rmsRelativeError root mean square of (fitted - measured) / measured over the points
 * @param trustworthy      whether the fit can be used for a forecast
 * @param caveats          why it cannot, or what it cannot tell, in words
 */
public record UslFit(double lambda, double sigma, double kappa, List<Throughput> points, double rmsRelativeError,
                     boolean trustworthy, List<String> caveats) {

    public double throughputAt(double threads) {
        return lambda * threads / (1 + sigma * (threads - 1) + kappa * threads * (threads - 1));
    }

    /** Thread time per op at N threads, in ns: N threads share X ops per second. */
    public double nsPerOpAt(double threads) {
        return threads / throughputAt(threads) * 1e9;
    }

    /** The thread count of the highest throughput, sqrt((1 - sigma) / kappa), or null when it never turns down (kappa 0). */
    public Double peakThreads() {
        return kappa > 0 && sigma < 1 ? Math.sqrt((1 - sigma) / kappa) : null;
    }
}
