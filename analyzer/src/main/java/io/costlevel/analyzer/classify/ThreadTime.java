package io.costlevel.analyzer.classify;

import java.util.HashMap;
import java.util.Map;

/**
 * The time a set of threads had: their spans added up, each thread once. A recording merged from the JDK's and
 * async-profiler's chunks names one thread by two ids (its JFR id, its OS id), both with the thread's whole span:
 * added up, the two workers of a run that lasted a second had 3.8 s (CI, JDK 25), and their sites were allowed that.
 * Keys of one thread count as the longer of their spans.
 */
public final class ThreadTime {
    private ThreadTime() {}

    /**
     * @param keys       the threads' keys
     * @param spans      each key's span in nanoseconds (a key without one adds nothing)
     * @param sameThread a key seen as another key of the same thread, to that key (absent: a thread of its own)
     */
    public static double of(Iterable<Long> keys, Map<Long, Double> spans, Map<Long, Long> sameThread) {
        Map<Long, Double> byThread = new HashMap<>();
        for (Long key : keys) {
            Double span = spans.get(key);
            if (span != null) {
                byThread.merge(sameThread.getOrDefault(key, key), span, Math::max);
            }
        }
        return byThread.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
