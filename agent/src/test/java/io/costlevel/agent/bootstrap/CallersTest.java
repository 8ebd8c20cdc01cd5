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

    /**
     * A JDK wrapper's site walked from a stack with no application frame names the code that called the wrapper, with
     * the wrapper's method as {@code via}. Here the walk starts inside a list the wrapper calls; the test's own frames
     * share the probes' package and are skipped, so the caller found is the reflection frame that called the test.
     */
    @Test
    void aJdkWrappersSiteWithoutApplicationFramesNamesTheWrappersCaller() {
        int site = 11;
        Callers.install(16, List.of("com.nowhere."));
        Callers.markJdkClass(site);
        ThreadCounters counters = ThreadCounters.current();
        List<Integer> walking = new java.util.ArrayList<>() {
            @Override
            public boolean add(Integer element) {
                counters.findCaller(site);
                return super.add(element);
            }
        };
        java.util.Collections.synchronizedList(walking).add(1);
        assertThat(Callers.snapshot()).filteredOn(caller -> caller.site() == site).singleElement().satisfies(caller -> {
            assertThat(caller.via()).isEqualTo("java.util.Collections$SynchronizedCollection.add");
            assertThat(caller.className()).doesNotStartWith("java.util.Collections$").doesNotStartWith("io.costlevel.");
        });
    }

    private static long walksOf(int site) {
        return Callers.snapshot().stream().filter(caller -> caller.site() == site).mapToLong(Callers.Caller::walks).sum();
    }
}
