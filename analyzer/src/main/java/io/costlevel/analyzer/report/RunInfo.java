package io.costlevel.analyzer.report;

import java.util.List;

/**
 * Metadata of the analysed run(s).
 *
 * @param jvm             e.g. "OpenJDK 64-Bit Server VM 17.0.15", or null when no input says
 * @param javaVersion     java.version of the recorded JVM, or null
 * @param cores           available processors of the recorded JVM (max over inputs), 0 when unknown
 * @param durationSeconds wall time covered by the inputs (sum over JVMs)
 * @param inputs          the input paths as given on the command line
 * @param sources         which evidence was present: "agent", "jfr", "async-profiler"
 * @param analyzerVersion version of costlevel that wrote the report
 * @param generatedAt     ISO-8601 instant the report was written
 * @param wallSeconds     wall time at least one JVM ran (the union of their intervals): the denominator of every rate
 * @param jvms            how many JVMs the inputs came from
 * @param jvmsRan         how their times lie: "one JVM", "side by side" (rates add up), "one after another"
 *                        (a rate is the average over the whole), "partly overlapping"
 * @param threadSeconds   the recorded time of the threads that ran application sites (each from its first sample or
 *                        event to the end of its last, added up over them and the JVMs): the most the sites' times add
 *                        up to; null when unknown (a JVM without a recording)
 */
public record RunInfo(String jvm, String javaVersion, int cores, double durationSeconds,
                      List<String> inputs, List<String> sources, String analyzerVersion, String generatedAt,
                      double wallSeconds, int jvms, String jvmsRan, Double threadSeconds) {
    /** Without the threads' time (a report built from parts, or read from an older one). */
    public RunInfo(String jvm, String javaVersion, int cores, double durationSeconds, List<String> inputs,
                   List<String> sources, String analyzerVersion, String generatedAt, double wallSeconds, int jvms,
                   String jvmsRan) {
        this(jvm, javaVersion, cores, durationSeconds, inputs, sources, analyzerVersion, generatedAt, wallSeconds, jvms,
                jvmsRan, null);
    }
}
