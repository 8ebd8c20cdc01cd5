package io.costlevel.agent.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How async-profiler samples CPU time, best first. */
enum ProfilerEvent {
    /** perf_events CPU clock: exact per-thread CPU time, kernel frames where allowed. */
    CPU,
    /** per-thread POSIX CPU timers: needs no perf_events (containers, perf_event_paranoid=3). */
    CTIMER,
    /** one process-wide setitimer: works everywhere, but signals land on whichever thread runs. */
    ITIMER;

    String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** This event, then the ones that work in more places, so a restricted kernel degrades instead of failing. */
    List<ProfilerEvent> withFallbacks() {
        List<ProfilerEvent> order = new ArrayList<>();
        for (ProfilerEvent e : values()) {
            if (e.ordinal() >= ordinal()) {
                order.add(e);
            }
        }
        return order;
    }
}
