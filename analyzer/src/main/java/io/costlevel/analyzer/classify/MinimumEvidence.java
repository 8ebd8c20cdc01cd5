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

    public static boolean enoughTimeSamples(long samples) {
        return samples >= MIN_TIME_SAMPLES;
    }

    public static boolean enoughChecks(long checks) {
        return checks >= MIN_CHECKS;
    }

    public static boolean enoughEvents(long events) {
        return events >= MIN_EVENTS;
    }
}
