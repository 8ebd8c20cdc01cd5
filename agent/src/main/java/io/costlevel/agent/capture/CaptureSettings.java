package io.costlevel.agent.capture;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the capture records, read from the agent's {@code key=value} options. Every key is optional;
 * the defaults are the ones meant for production (the reasons are next to each constant, the
 * measured cost is in docs/overhead.md).
 */
public final class CaptureSettings {
    /** The option keys this class reads, for the agent's validator. */
    public static final List<String> KEYS = List.of(
            "jfr", "jfr.settings", "jfr.threshold", "jfr.samplePeriod", "jfr.loadPeriod",
            "maxDiskMb", "maxAge",
            "profiler", "profiler.event", "profiler.interval", "profiler.lock", "profiler.merge");

    /**
     * Park, monitor, wait and sleep events shorter than this are not recorded. Recording one event
     * with its stack costs about 1-2 us, so at 20 us an event adds at most ~10% to the operation it
     * describes: every L4 wait of real weight is seen, the agent's own counters cover the shorter
     * ones exactly, and a lock that parks 100,000 times a second cannot flood the recording.
     */
    static final String DEFAULT_THRESHOLD = "20us";
    /** JFR's own default.jfc period: ~50 stacks per second and thread, negligible cost. */
    static final String DEFAULT_SAMPLE_PERIOD = "20ms";
    /** CPU load and context-switch rate per second: enough to tell L4 from L5, one event per thread a second. */
    static final String DEFAULT_LOAD_PERIOD = "1s";
    /** async-profiler's own default: 100 samples per second of CPU time. */
    static final String DEFAULT_PROFILER_INTERVAL = "10ms";
    /**
     * async-profiler's lock profiling is off unless asked for. When it runs, JFR's park and monitor-enter
     * events are switched off (both write the same events), but async-profiler 4.2 records a park only
     * when the parked-on object is a ReentrantLock, ReentrantReadWriteLock or Semaphore synchronizer
     * (LockTracer::isConcurrentLock): a Condition await, a BlockingQueue put/take, a CountDownLatch, a
     * FutureTask.get or a park without a blocker would vanish from the recording. JFR's own events see
     * every park and monitor enter over {@link #DEFAULT_THRESHOLD}.
     */
    static final String DEFAULT_PROFILER_LOCK = "off";
    /**
     * With {@code jfr=false} async-profiler is the only recorder: its lock profiling is then on by default, the
     * monitor and ReentrantLock/Semaphore waits it does see being better than no wait at all.
     */
    static final String DEFAULT_PROFILER_LOCK_WITHOUT_JFR = "20us";
    /**
     * Every snapshot rewrites the whole recording (a complete file each time), so this also bounds
     * the disk writes: at most 32 MB per interval, 3.2 MB/s at the default 10 s. A contended service
     * fills it in minutes, older data is dropped first; the agent's own counters cover the whole run.
     */
    static final int DEFAULT_MAX_DISK_MB = 32;

    final boolean jfr;
    /** Name of a JDK .jfc configuration ("default", "profile") or a path to one; our events are set on top. */
    final String jfrSettings;
    final long thresholdNanos;
    final long samplePeriodNanos;
    final long loadPeriodNanos;
    final long maxDiskBytes;
    /** 0: no age limit, the size limit alone bounds the recording. */
    final long maxAgeNanos;
    final boolean profiler;
    final ProfilerEvent profilerEvent;
    final long profilerIntervalNanos;
    /**
     * 0 (the default): async-profiler does not profile locks, JFR's park and monitor events record every
     * wait over the threshold. Otherwise async-profiler's lock= interval, and JFR's copies are off.
     */
    final long profilerLockNanos;
    /** true: async-profiler's chunks go into costlevel.jfr; false: into async-profiler.jfr beside it. */
    final boolean merge;

    private CaptureSettings(OptionReader r) {
        jfr = r.bool("jfr", true);
        jfrSettings = r.text("jfr.settings", "default");
        thresholdNanos = r.duration("jfr.threshold", DEFAULT_THRESHOLD);
        samplePeriodNanos = r.positiveDuration("jfr.samplePeriod", DEFAULT_SAMPLE_PERIOD);
        loadPeriodNanos = r.positiveDuration("jfr.loadPeriod", DEFAULT_LOAD_PERIOD);
        maxDiskBytes = r.positiveInt("maxDiskMb", DEFAULT_MAX_DISK_MB) * 1024L * 1024L;
        maxAgeNanos = r.duration("maxAge", "0s");
        profiler = r.bool("profiler", true);
        profilerEvent = r.choice("profiler.event", ProfilerEvent.CTIMER);
        profilerIntervalNanos = r.positiveDuration("profiler.interval", DEFAULT_PROFILER_INTERVAL);
        profilerLockNanos = r.durationOrOff("profiler.lock", jfr ? DEFAULT_PROFILER_LOCK : DEFAULT_PROFILER_LOCK_WITHOUT_JFR);
        merge = r.bool("profiler.merge", true);
    }

    /** Reads our keys from the agent's options, ignoring the others; a bad value is reported and its default used. */
    public static CaptureSettings from(Map<String, String> options, Consumer<String> problems) {
        return new CaptureSettings(new OptionReader(options, problems));
    }

    /**
     * What is wrong with one capture option's value, or null. The agent asks this while it parses its options,
     * so a bad capture value is refused like any other bad option (agent off, application running) instead of
     * silently recording with a default.
     */
    public static String problem(String key, String value) {
        String[] first = new String[1];
        new CaptureSettings(OptionReader.checking(Map.of(key, value), why -> {
            if (first[0] == null) {
                first[0] = why;
            }
        }));
        return first[0];
    }

    /** The production defaults. */
    public static CaptureSettings defaults() {
        return from(Map.of(), problem -> {});
    }
}
