package io.costlevel.agent.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How async-profiler samples CPU time, best first. Per-thread CPU timers come first: a perf_events counter is
 * switched out and in with its thread on every context switch, which slowed the yielding ticket lock at 8 threads
 * on 2 cores threefold (CPU time per op 18-19 us under {@code cpu}, 6.1-6.4 us under {@code ctimer} and
 * {@code itimer}, 5.6 us without the agent: docs/capture.md), so the default would have changed what it measures.
 */
enum ProfilerEvent {
    /** per-thread POSIX CPU timers: each thread's CPU time, no cost at a context switch, no perf_events needed. */
    CTIMER,
    /** perf_events CPU clock: each thread's CPU time and kernel frames where allowed; costs every context switch. */
    CPU,
    /** one process-wide setitimer: works everywhere, but signals land on whichever thread runs. */
    ITIMER;

    String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** This event, then the others best first, so a restricted kernel degrades instead of failing. */
    List<ProfilerEvent> withFallbacks() {
        List<ProfilerEvent> order = new ArrayList<>(List.of(this));
        for (ProfilerEvent e : values()) {
            if (e != this) {
                order.add(e);
            }
        }
        return order;
    }
}
