package io.costlevel.analyzer.classify.rules;

import io.costlevel.analyzer.classify.Mechanism;
import io.costlevel.analyzer.classify.MinimumEvidence;
import io.costlevel.analyzer.classify.SiteFacts;
import io.costlevel.analyzer.classify.TierRule;
import io.costlevel.analyzer.classify.Tiers;
import io.costlevel.analyzer.classify.Verdict;

import java.util.Optional;

/**
 * Level 3 at least: the line starts threads. A CPU sample inside {@code java.lang.Thread.start} above the line is the
 * JVM creating a thread: a clone system call, its stack mapped, and the starting thread waiting until the new one runs
 * (a switch the recording does not see, inside the JVM). No counter of the agent names it: the call is often the
 * JDK's own, as where {@code CompletableFuture.supplyAsync} without an executor starts a thread per task because the
 * common pool has parallelism 1 (2 cores or fewer): natively 46-50 us of CPU per task on the calling thread at 1-2
 * threads, 131-264 us of thread time (2 cores, JDK 17, 2026-12-05). Judged from samples: medium confidence, and
 * only where they are not a few among many ({@link #MIN_SHARE}).
 */
public final class ThreadStartRule implements TierRule {
    /** Of the line's CPU samples, those inside Thread.start for thread creation to be its running mechanism. */
    static final double MIN_SHARE = 0.25;

    @Override
    public Optional<Verdict> judge(SiteFacts f) {
        long starting = f.tally().threadStartSamples();
        long samples = f.cpuSamples();
        if (starting < MinimumEvidence.MIN_EVENTS || starting < MIN_SHARE * samples) {
            return Optional.empty();
        }
        return Optional.of(new Verdict(Tiers.L3_SYSCALL, Mechanism.THREAD_START, Verdict.MEDIUM, String.format(
                "%d of %d CPU samples ran inside java.lang.Thread.start: threads are started here (a clone system call, "
                        + "a stack mapped, and a wait until the new thread runs), tens of microseconds each", starting,
                samples)));
    }
}
