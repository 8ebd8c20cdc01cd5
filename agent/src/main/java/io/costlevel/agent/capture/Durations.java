package io.costlevel.agent.capture;

import java.util.Locale;

/** Parses the durations users write in agent options ("20us", "10ms", "1s", "30m") into nanoseconds. */
final class Durations {
    private Durations() {}

    /** @throws IllegalArgumentException with a message fit for one line of stderr */
    static long parseNanos(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int unitStart = 0;
        while (unitStart < t.length() && Character.isDigit(t.charAt(unitStart))) {
            unitStart++;
        }
        if (unitStart == 0) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (e.g. 20us, 10ms, 1s)");
        }
        long amount = Long.parseLong(t.substring(0, unitStart));
        String unit = t.substring(unitStart);
        long nanosPerUnit;
        switch (unit) {
            case "ns": nanosPerUnit = 1L; break;
            case "us": nanosPerUnit = 1_000L; break;
            case "ms": nanosPerUnit = 1_000_000L; break;
            case "s": nanosPerUnit = 1_000_000_000L; break;
            case "m": nanosPerUnit = 60_000_000_000L; break;
            case "h": nanosPerUnit = 3_600_000_000_000L; break;
            default:
                // A bare number is ambiguous (ms? ns?), so it is refused rather than guessed.
                throw new IllegalArgumentException("'" + text + "' needs a unit: ns, us, ms, s, m or h");
        }
        return Math.multiplyExact(amount, nanosPerUnit);
    }
}
