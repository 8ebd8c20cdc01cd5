package io.costlevel.analyzer.input.jfr;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * A progress line on stderr for long inputs: silent for the first seconds, so short analyses print
 * nothing, then one line every few seconds. Checks the clock only every few thousand events.
 */
public final class Progress {
    private static final long QUIET_NANOS = 2_000_000_000L;
    private static final long EVERY_NANOS = 2_000_000_000L;
    private static final long CHECK_EVERY_EVENTS = 1 << 16;

    private final PrintStream out;
    private final long start = System.nanoTime();
    private long lastPrint = start + QUIET_NANOS - EVERY_NANOS;
    private boolean printed;

    public Progress(PrintStream out) {
        this.out = out;
    }

    /** Prints nothing, for tests and benchmarks. */
    public static Progress silent() {
        return new Progress(null);
    }

    void tick(Path file, long events) {
        if (out == null || (events & (CHECK_EVERY_EVENTS - 1)) != 0) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastPrint >= EVERY_NANOS) {
            lastPrint = now;
            printed = true;
            out.printf("costlevel: reading %s: %,d events, %.0f s%n", file.getFileName(), events, (now - start) / 1e9);
        }
    }

    void done(Path file, long events) {
        if (out != null && printed) {
            out.printf("costlevel: read %s: %,d events in %.1f s%n", file.getFileName(), events,
                    (System.nanoTime() - start) / 1e9);
        }
    }
}
