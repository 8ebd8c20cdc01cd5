package io.costlevel.analyzer.diff;

import java.util.function.BiFunction;
import java.util.function.ToDoubleFunction;

/**
 * A figure of a site that the diff compares between runs: a count over a denominator read from the
 * site's evidence, the noise test that fits how the count arises, and how large a change has to be
 * to matter at all (a significant change of one failed CAS in ten million is real and irrelevant).
 *
 * @param name         the figure's name in the diff output
 * @param count        the events counted (failed CAS, parks, CPU samples, ...)
 * @param denominator  what they are counted against (attempts, ops, seconds of run, ...); 0 means not measured
 * @param proportion   true: each unit of the denominator is one trial (two-proportion test); false: an exposure (Poisson rates)
 * @param perOp        a cost of the site's operation (it explains a change of ns/op or of tier), not how much the site is used
 * @param minDifference smallest absolute difference of the figure that matters
 * @param minFactor    smallest ratio between the larger and the smaller value that matters
 * @param weight       how many events each observed one stands for where the count is an estimate scaled from
 *                     sampled observations (a call's inferred parks); 1 where every event was counted. The noise
 *                     test runs on the observations, or one observation scaled by 64 reads as 64 independent events
 */
record Measure(String name, ToDoubleFunction<SiteView> count, BiFunction<SiteView, RunTotals, Double> denominator,
               boolean proportion, boolean perOp, double minDifference, double minFactor,
               ToDoubleFunction<SiteView> weight) {

    /** A figure whose events were all counted. */
    Measure(String name, ToDoubleFunction<SiteView> count, BiFunction<SiteView, RunTotals, Double> denominator,
            boolean proportion, boolean perOp, double minDifference, double minFactor) {
        this(name, count, denominator, proportion, perOp, minDifference, minFactor, s -> 1);
    }

    /** @return the comparison, or null when either run did not measure the denominator */
    EvidenceChange compare(SiteView base, RunTotals baseRun, SiteView now, RunTotals nowRun) {
        double n1 = denominator.apply(base, baseRun);
        double n2 = denominator.apply(now, nowRun);
        if (n1 <= 0 || n2 <= 0) {
            return null;
        }
        double k1 = count.applyAsDouble(base);
        double k2 = count.applyAsDouble(now);
        if (k1 == 0 && k2 == 0) {
            return null;
        }
        double v1 = k1 / n1;
        double v2 = k2 / n2;
        double w1 = Math.max(1, weight.applyAsDouble(base));
        double w2 = Math.max(1, weight.applyAsDouble(now));
        // Observations over the exposure they were observed in: the same rates, the noise of what was seen.
        double z = proportion ? Noise.twoProportions(k1, n1, k2, n2) : Noise.poissonRates(k1 / w1, n1 / w1, k2 / w2, n2 / w2);
        return new EvidenceChange(name, v1, v2, z, Noise.significant(z) && material(v1, v2),
                proportion ? "two-proportion z-test" : "Poisson rate test", perOp);
    }

    boolean material(double v1, double v2) {
        double low = Math.min(v1, v2);
        double high = Math.max(v1, v2);
        return high - low >= minDifference && (low == 0 || high / low >= minFactor);
    }
}
