package io.costlevel.agent.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CallersTest {
    /** JUnit's frames stand for the application: the test's own package is the probes' and is skipped by walks. */
    private static final List<String> APPLICATION = List.of("org.junit.");

    @Test
    void aFreshSiteIsWalkedAtOnceThenTheThreadsWalksKeepToTheirTimeBudget() {
        int site = 7;
        Callers.install(16, APPLICATION);
        Callers.markLibrary(site);
        ThreadCounters counters = ThreadCounters.current(); // the test's thread: JUnit's frames are on its stack
        long start = System.nanoTime();
        for (int i = 0; i < Callers.FIRST_WALKS; i++) {
            counters.findCaller(site); // every one walks: the site is fresh, whatever the countdown
        }
        assertThat(walksOf(site)).isEqualTo(Callers.FIRST_WALKS);
        for (int i = 0; i < 200_000; i++) {
            counters.findCaller(site);
        }
        long elapsed = System.nanoTime() - start;

        long budgeted = walksOf(site) - Callers.FIRST_WALKS;
        // 200,000 sampled operations would be 6,250 walks at one in WALK_EVERY; the budget allows one per gap at most.
        assertThat(budgeted).isBetween(0L, 1 + elapsed / Callers.MIN_WALK_GAP_NANOS);
        assertThat(budgeted).isLessThan(200_000 / Callers.WALK_EVERY);
    }

    @Test
    void aWalkDefersTheNextByItsDurationTimesTheRatio() {
        assertThat(Callers.nextWalk(0, 1_000)).isEqualTo(1_000 + Callers.MIN_WALK_GAP_NANOS);
        assertThat(Callers.nextWalk(0, 30_000)).isEqualTo(30_000 + 30_000 * Callers.WALK_TIME_RATIO);
    }

    @Test
    void anApplicationSiteIsNeverWalked() {
        Callers.install(16, APPLICATION);
        ThreadCounters counters = ThreadCounters.current();
        for (int i = 0; i < 1000; i++) {
            counters.findCaller(9);
        }
        assertThat(walksOf(9)).isZero();
    }

    private static long walksOf(int site) {
        return Callers.snapshot().stream().filter(caller -> caller.site() == site).mapToLong(Callers.Caller::walks).sum();
    }
}
