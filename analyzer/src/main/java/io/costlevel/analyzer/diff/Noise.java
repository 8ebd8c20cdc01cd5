package io.costlevel.analyzer.diff;

/**
 * The two tests the diff puts every sampled or counted figure through before calling it changed.
 * Both return a z score: how many standard errors the NEW figure lies from BASE's under the
 * hypothesis that nothing changed. A change counts when |z| reaches {@link #Z_CRITICAL}.
 *
 * <ul>
 *   <li>A ratio of two counts where each trial either succeeds or not (failed CAS per attempt,
 *       handoffs per sampled check, a site's CPU samples among all the report's): the
 *       two-proportion z-test with the pooled proportion.</li>
 *   <li>Events counted against an exposure (parks per op, spins per spin wait, CPU samples per op,
 *       JFR park events per second of run): the conditional test of two Poisson rates. Given the
 *       k1 + k2 events of both runs, under equal rates k2 is binomial with p = e2 / (e1 + e2); its
 *       normal approximation with a continuity correction gives z.</li>
 * </ul>
 */
public final class Noise {
    /**
     * |z| at two-sided p = 0.0001. Stricter than the usual 0.05 or 0.001 because one diff runs a test
     * per figure per site, a few hundred on a large report: at this level the chance that any of 300
     * unchanged figures looks changed stays about 3 %.
     */
    public static final double Z_CRITICAL = 3.89;

    private Noise() {}

    /** Two-proportion z-test: x1 of n1 in BASE against x2 of n2 in NEW; 0 when either has no trials. */
    public static double twoProportions(double x1, double n1, double x2, double n2) {
        if (n1 <= 0 || n2 <= 0) {
            return 0;
        }
        double pooled = (x1 + x2) / (n1 + n2);
        double variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2);
        if (variance <= 0) {
            return 0; // both 0 % or both 100 %: no difference to see
        }
        return (x2 / n2 - x1 / n1) / Math.sqrt(variance);
    }

    /** Poisson rate comparison: k1 events over exposure e1 in BASE against k2 over e2 in NEW; 0 when there is nothing to compare. */
    public static double poissonRates(double k1, double e1, double k2, double e2) {
        double events = k1 + k2;
        if (e1 <= 0 || e2 <= 0 || events <= 0) {
            return 0;
        }
        double p = e2 / (e1 + e2);
        double expected = events * p;
        double deviation = Math.max(0, Math.abs(k2 - expected) - 0.5);
        return Math.signum(k2 - expected) * deviation / Math.sqrt(events * p * (1 - p));
    }

    public static boolean significant(double z) {
        return Math.abs(z) >= Z_CRITICAL;
    }
}
