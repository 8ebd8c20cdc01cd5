package io.costlevel.analyzer.classify;

/**
 * How much evidence a ratio or a rate needs before it may decide a tier. One handoff among two checks is a
 * ratio of 0.5 and says nothing; below these minimums a rule stays silent, and the site says "too few samples"
 * with a low confidence instead.
 */
public final class MinimumEvidence {
    private MinimumEvidence() {}

    /**
     * Checks (handoff checks, CAS attempts, ops) under a ratio. With 100, a ratio at a rule's threshold (0.1
     * handoffs per check) rests on about 10 observed events; one event more or less moves it by 0.01.
     */
    public static final long MIN_CHECKS = 100;
    /** Events (spin waits, blocking events the recording kept) under a mean or a time that decides a tier. */
    public static final long MIN_EVENTS = 3;

    /**
     * CPU samples under a site's running time: n samples estimate it within about 1/sqrt(n), so 30 give ~18 %,
     * finer than the factor of 2-10 between tiers.
     */
    public static final long MIN_TIME_SAMPLES = 30;

    /**
     * CPU samples under a site's running time where the agent's timing of the same ops disagrees with them (outside
     * {@link #SAMPLE_SIGMAS} standard deviations of the samples' count): 10 measure it within about 32 %, under the
     * factor 2 the report is held to, while a timing that far off is biased, not noisy. With more threads than cores
     * it counts the time slices its thread waited for a core inside a timed op (ReentrantLock at 8 threads on 2
     * cores, 2026-12-04: lock() timed at 740 ns per op, 45 s over all ops in a run whose threads had 8.2 s, for 16 ns
     * of CPU per op); anywhere, it loses an op cheaper than the clock read it subtracts (the blocking ticket lock at
     * one thread: lines timed at 0 ns per op with 8-17 samples each).
     */
    public static final long MIN_REFUTING_TIME_SAMPLES = 10;
    /** How far, in standard deviations of a Poisson count, a timing's figure may lie from the samples' count. */
    public static final double SAMPLE_SIGMAS = 3;

    public static boolean enoughTimeSamples(long samples) {
        return samples >= MIN_TIME_SAMPLES;
    }

    /**
     * Whether {@code samples} CPU samples, of {@code periodNanos} each, refute a timing that gave {@code timedNanos}
     * for the same ops: enough of them ({@link #MIN_REFUTING_TIME_SAMPLES}), and the timing outside their range.
     */
    public static boolean samplesRefute(long samples, double periodNanos, double timedNanos) {
        if (samples < MIN_REFUTING_TIME_SAMPLES || periodNanos <= 0) {
            return false;
        }
        double spread = SAMPLE_SIGMAS * Math.sqrt(samples);
        double timedSamples = timedNanos / periodNanos;
        return timedSamples < samples - spread || timedSamples > samples + spread;
    }

    public static boolean enoughChecks(long checks) {
        return checks >= MIN_CHECKS;
    }

    /** Standard deviations below the observed ratio that a ratio from fewer than {@link #MIN_CHECKS} checks must clear. */
    static final double RATIO_SIGMAS = 3;
    /** Events under a ratio from fewer than {@link #MIN_CHECKS} checks: what {@link #MIN_CHECKS} assures at 0.1. */
    static final long MIN_RATIO_EVENTS = 10;

    /**
     * Whether {@code events} of {@code checks} show a ratio at or above {@code threshold}: with {@link #MIN_CHECKS}
     * checks the ratio itself; with fewer, at least {@link #MIN_RATIO_EVENTS} events and the lower end of the ratio's
     * Wilson interval at {@link #RATIO_SIGMAS} sigmas, so only a ratio far above the threshold decides (one handoff
     * in one check does not). A monitor entered by four handler threads in turn, once per HTTP
     * request on a slow host, had 83 handoff checks in a 3 s run, 64 of them handoffs (lower end 0.61 against the 0.1
     * the rule needs), and read "too few samples to judge sharing", L1, where natively each entry cost 242 ns.
     */
    public static boolean ratioAtLeast(long events, long checks, double threshold) {
        if (checks <= 0) {
            return false;
        }
        double ratio = (double) events / checks;
        if (enoughChecks(checks)) {
            return ratio >= threshold;
        }
        return events >= MIN_RATIO_EVENTS && wilsonLowerBound(Math.min(events, checks), checks, RATIO_SIGMAS) >= threshold;
    }

    static double wilsonLowerBound(long events, long checks, double z) {
        double n = checks;
        double p = events / n;
        double z2 = z * z;
        double centre = p + z2 / (2 * n);
        double spread = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return (centre - spread) / (1 + z2 / n);
    }

    public static boolean enoughEvents(long events) {
        return events >= MIN_EVENTS;
    }
}
