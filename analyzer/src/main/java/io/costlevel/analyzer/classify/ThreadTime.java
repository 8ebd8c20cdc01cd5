package io.costlevel.analyzer.classify;

import java.util.HashMap;
import java.util.Map;

/**
 * What the recordings measured of each thread, by its key in the analysis: its span (from its first sample or event
 * to the end of its last), the keys that name the same thread twice, and its CPU time where its samples measure it.
 *
 * <p>A recording merged from the JDK's and async-profiler's chunks names one thread by two ids (its JFR id, its OS
 * id), both with the thread's whole span: added up, the two workers of a run that lasted a second had 3.8 s (CI,
 * JDK 25), and their sites were allowed that. Keys of one thread count as the longer of their spans.
 *
 * @param spans      each key's span in nanoseconds
 * @param sameThread a key seen as another key of the same thread, to that key (absent: a thread of its own)
 * @param cpu        of the keys in {@code spans}, each one's CPU time where its samples measure it exactly (else
 *                   absent): its span less it is the time it was off its core
 */
public record ThreadTime(Map<Long, Double> spans, Map<Long, Long> sameThread, Map<Long, Double> cpu) {
    public static final ThreadTime NONE = new ThreadTime(Map.of(), Map.of(), Map.of());

    public ThreadTime(Map<Long, Double> spans) {
        this(spans, Map.of(), Map.of());
    }

    /** The time all the threads had, each thread once. */
    public double nanos() {
        return spanOf(spans.keySet());
    }

    /** The time these threads had, each thread once (a key without a span adds nothing). */
    public double spanOf(Iterable<Long> keys) {
        return sum(keys, spans);
    }

    /** The CPU time these threads had, each thread once, where known. */
    public double cpuOf(Iterable<Long> keys) {
        return sum(keys, cpu);
    }

    /** Both sets of threads: the keys of different recordings differ. */
    public ThreadTime plus(ThreadTime other) {
        Map<Long, Double> allSpans = new HashMap<>(spans);
        allSpans.putAll(other.spans);
        Map<Long, Long> allSame = new HashMap<>(sameThread);
        allSame.putAll(other.sameThread);
        Map<Long, Double> allCpu = new HashMap<>(cpu);
        allCpu.putAll(other.cpu);
        return new ThreadTime(allSpans, allSame, allCpu);
    }

    private double sum(Iterable<Long> keys, Map<Long, Double> byKey) {
        Map<Long, Double> byThread = new HashMap<>();
        for (Long key : keys) {
            Double value = byKey.get(key);
            if (value != null) {
                byThread.merge(sameThread.getOrDefault(key, key), value, Math::max);
            }
        }
        return byThread.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
