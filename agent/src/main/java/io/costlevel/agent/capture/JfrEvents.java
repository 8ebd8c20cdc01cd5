package io.costlevel.agent.capture;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;

/** The JDK events a cost tier is decided from, and their settings. */
final class JfrEvents {
    /** Waits, charged to a site with their duration: the L3/L4/L5 evidence. */
    static final List<String> WAITS = List.of(
            "jdk.JavaMonitorEnter", "jdk.JavaMonitorWait", "jdk.ThreadPark", "jdk.ThreadSleep");
    /**
     * A virtual thread that blocked while pinned to its carrier (JDK 21+), with the stack that pinned it: the
     * carrier itself is blocked, the cost of a platform thread's block. Recorded from {@link #PINNED_THRESHOLD_NANOS}
     * on (or the wait threshold when lower), not from the waits' threshold: a pin of 20 us blocks the carrier
     * ten times a context switch's cost, and pins are rare where code is fit for virtual threads, so the
     * recording stays small.
     */
    static final String VIRTUAL_THREAD_PINNED = "jdk.VirtualThreadPinned";
    static final long PINNED_THRESHOLD_NANOS = 2_000;
    /** The virtual-thread scheduler refused a continuation (an instant event, JDK 21+): no threshold. */
    static final String VIRTUAL_THREAD_SUBMIT_FAILED = "jdk.VirtualThreadSubmitFailed";
    /**
     * Where CPU time goes. When async-profiler samples CPU, JFR's samplers are off: the analyzer reads
     * both as CPU samples (JfrReader parses NativeMethodSample as an ExecutionSample too) and estimates one
     * sampling period per file, so two samplers would count the same CPU time twice and blur that period. Nothing
     * is lost: async-profiler's samples also cover native and JIT/GC threads, while JFR's NativeMethodSample
     * also fires for threads blocked in native calls, which are not CPU time.
     */
    static final List<String> CPU_SAMPLES = List.of("jdk.ExecutionSample", "jdk.NativeMethodSample");
    /** Load per thread and machine: a spinning thread whose lock owner is descheduled (L5) shows here. */
    static final List<String> LOAD = List.of("jdk.ThreadCPULoad", "jdk.ThreadContextSwitchRate", "jdk.CPULoad");
    /**
     * The JDK events async-profiler's lock profiling (opt-in, profiler.lock) writes itself, same names
     * and fields. It writes fewer of them: only parks on ReentrantLock, ReentrantReadWriteLock and
     * Semaphore synchronizers (see CaptureSettings.DEFAULT_PROFILER_LOCK).
     */
    static final Set<String> PROFILER_LOCK_EVENTS = Set.of("jdk.JavaMonitorEnter", "jdk.ThreadPark");

    private JfrEvents() {}

    /** The events a running async-profiler writes itself: its CPU samples, and its lock events when it profiles locks. */
    static Set<String> writtenByAsyncProfiler(boolean profilesLocks) {
        Set<String> events = new HashSet<>(CPU_SAMPLES);
        if (profilesLocks) {
            events.addAll(PROFILER_LOCK_EVENTS);
        }
        return events;
    }

    /**
     * JFR settings for our events on top of {@code base}. Events this JDK lacks (VirtualThreadPinned
     * before 21) are left out, and the ones async-profiler writes itself are switched off so no
     * sample or wait is counted twice in the merged file (async-profiler's jfrsync does the same).
     */
    static Map<String, String> settings(Map<String, String> base, CaptureSettings s, Set<String> writtenByProfiler) {
        Set<String> present = FlightRecorder.getFlightRecorder().getEventTypes().stream()
                .map(EventType::getName).collect(Collectors.toSet());
        Map<String, String> out = new LinkedHashMap<>(base);
        for (String e : WAITS) {
            enable(out, present, writtenByProfiler, e, "threshold", s.thresholdNanos);
        }
        enable(out, present, writtenByProfiler, VIRTUAL_THREAD_PINNED, "threshold",
                Math.min(s.thresholdNanos, PINNED_THRESHOLD_NANOS));
        if (present.contains(VIRTUAL_THREAD_SUBMIT_FAILED)) {
            out.put(VIRTUAL_THREAD_SUBMIT_FAILED + "#enabled", "true");
            out.put(VIRTUAL_THREAD_SUBMIT_FAILED + "#stackTrace", "true");
        }
        for (String e : CPU_SAMPLES) {
            enable(out, present, writtenByProfiler, e, "period", s.samplePeriodNanos);
        }
        for (String e : LOAD) {
            enable(out, present, writtenByProfiler, e, "period", s.loadPeriodNanos);
        }
        return out;
    }

    private static void enable(Map<String, String> out, Set<String> present, Set<String> writtenByProfiler,
                               String event, String limit, long nanos) {
        if (!present.contains(event)) {
            return;
        }
        boolean on = !writtenByProfiler.contains(event);
        out.put(event + "#enabled", Boolean.toString(on));
        out.put(event + "#" + limit, nanos + " ns");
        if (!LOAD.contains(event)) {
            out.put(event + "#stackTrace", "true");
        }
    }
}
