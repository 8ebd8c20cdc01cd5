package io.costlevel.analyzer.input.jfr;

import io.costlevel.analyzer.classify.ThreadTime;


/**
 * What one recording says about its JVM, beside the events charged to sites.
 *
 * @param jvmName                  from jdk.JVMInformation, or null
 * @param javaVersion              java.version from jdk.InitialSystemProperty, or null
 * @param hardwareThreads          from jdk.CPUInformation, 0 when absent
 * @param durationSeconds          wall time the recording covers
 * @param events                   events read
 * @param cpuSamplePeriodNanos     estimated sampling period of the CPU sampler (0 when no samples)
 * @param contextSwitchesPerSecond machine-wide mean from jdk.ThreadContextSwitchRate, or -1 when absent
 * @param asyncProfiler            written by async-profiler (its own event types are present)
 * @param startEpochNanos          when the recording started (epoch nanoseconds, from its first chunk's header)
 * @param damage                   null for a whole recording; else what was left unread, e.g. a last chunk cut
 *                                 short by a crash while it was written
 * @param threads                  each thread's time as the recording saw it (its span, from its first sample or event
 *                                 to the end of its last), by the thread's key in the analysis (threads that ran an
 *                                 application site only), the keys of a thread it names twice (its JDK and
 *                                 async-profiler chunks), and each one's CPU time from its samples where the sampling
 *                                 period is exact (async-profiler's)
 */
public record RecordingFacts(String jvmName, String javaVersion, int hardwareThreads, double durationSeconds,
                             long events, double cpuSamplePeriodNanos, double contextSwitchesPerSecond,
                             boolean asyncProfiler, long startEpochNanos, String damage,
                             ThreadTime threads) {
    /** The recorded threads' time: their spans added up, a thread seen under two keys once (0 when none was seen). */
    public double threadNanos() {
        return threads.nanos();
    }
}
