package io.costlevel.agent.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The watchdog on a clock of its own: what it says, once, and what it counts. */
class StallWatchdogTest {
    private static final long MS = 1_000_000;

    private long now = 1_000 * MS;
    private final List<String> said = new ArrayList<>();
    private final StallWatchdog watchdog = new StallWatchdog(() -> now, said::add);

    @Test
    void aStepRunningPastTheLimitIsSaidOnceWhileItRunsAndCountedWhenItEnds() {
        long last = now;
        watchdog.begin("writing the recording");
        for (int second = 0; second < 40; second++) {
            now += StallWatchdog.CHECK_MILLIS * MS;
            last = watchdog.check(last);
        }
        assertThat(said).hasSize(1);
        assertThat(said.get(0)).startsWith("the agent's snapshot has been writing the recording for 2");
        assertThat(watchdog.stalls()).as("counted when it ends").isZero();

        watchdog.end();
        assertThat(watchdog.stalls()).isEqualTo(1);
        assertThat(watchdog.longestStallMillis()).isEqualTo(40_000);
    }

    @Test
    void stepsWithinTheLimitAreSilent() {
        long last = now;
        for (int step = 0; step < 100; step++) {
            watchdog.begin("writing costlevel-sites.json");
            now += 5_000 * MS;
            last = watchdog.check(last);
            watchdog.end();
        }
        assertThat(said).isEmpty();
        assertThat(watchdog.stalls()).isZero();
    }

    @Test
    void aPauseOfEveryJavaThreadIsSaidWhenTheWatchdogRunsAgainAndTheStepItHeldIsNotCountedTwice() {
        long last = now;
        watchdog.begin("writing the recording");
        now += 483_000 * MS;
        watchdog.check(last);
        watchdog.end();

        assertThat(said).hasSize(2);
        assertThat(said.get(0)).startsWith("no Java thread of this JVM ran for 482 s");
        assertThat(watchdog.stalls()).isEqualTo(1);
        assertThat(watchdog.longestStallMillis()).isEqualTo(482_000);
    }
}
