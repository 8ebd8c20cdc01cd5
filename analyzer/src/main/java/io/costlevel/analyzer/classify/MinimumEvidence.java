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
     * CPU samples under the running time of a site run by more threads than cores: there a timed op counts the time
     * slices its thread waited for a core inside it (ReentrantLock at 8 threads on 2 cores, 2026-12-04: timed at 740
     * ns per op, scaled to every op 45 s in a run whose eight threads had 8.2 s, for an op of 16 ns of CPU), so 10
     * samples (within about 32 %, under the factor 2 the report is held to) measure it better than the timing.
     */
    public static final long MIN_OVERSUBSCRIBED_TIME_SAMPLES = 10;

    /** {@link #MIN_TIME_SAMPLES}, or {@link #MIN_OVERSUBSCRIBED_TIME_SAMPLES} at a site with more threads than cores. */
    public static boolean enoughTimeSamples(long samples, boolean oversubscribed) {
        return samples >= (oversubscribed ? MIN_OVERSUBSCRIBED_TIME_SAMPLES : MIN_TIME_SAMPLES);
    }

    public static boolean enoughChecks(long checks) {
        return checks >= MIN_CHECKS;
    }

    public static boolean enoughEvents(long events) {
        return events >= MIN_EVENTS;
    }
}
