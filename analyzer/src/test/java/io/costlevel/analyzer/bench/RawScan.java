package io.costlevel.analyzer.bench;

import one.jfr.JfrReader;
import one.jfr.event.Event;

/**
 * The baseline of the analyzer benchmark (scripts/bench-analyzer.sh): async-profiler's JfrReader
 * reading every event of a recording and touching its stack trace, with nothing else done. The
 * analyzer's whole analysis is measured against this.
 */
public final class RawScan {
    private RawScan() {}

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        long events = 0;
        long stacks = 0;
        try (JfrReader reader = new JfrReader(args[0])) {
            for (Event e; (e = reader.readEvent()) != null; ) {
                events++;
                if (reader.stackTraces.get(e.stackTraceId) != null) {
                    stacks++;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("raw JfrReader: %,d events (%,d with stacks) in %.2f s = %,.0f events/s%n",
                events, stacks, seconds, events / seconds);
    }
}
