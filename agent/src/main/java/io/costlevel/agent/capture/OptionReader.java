package io.costlevel.agent.capture;

import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads typed values from the agent's option map. A bad value is reported in one line and replaced by its default
 * (or, for {@link #checking}, reported as what is wrong with it alone, for the agent to refuse the options).
 */
final class OptionReader {
    private final Map<String, String> options;
    private final Consumer<String> problems;
    private final boolean sayReplacement;

    OptionReader(Map<String, String> options, Consumer<String> problems) {
        this(options, problems, true);
    }

    private OptionReader(Map<String, String> options, Consumer<String> problems, boolean sayReplacement) {
        this.options = options;
        this.problems = problems;
        this.sayReplacement = sayReplacement;
    }

    /** A reader that reports only what is wrong ("expected a positive whole number"), no replacement. */
    static OptionReader checking(Map<String, String> options, Consumer<String> problems) {
        return new OptionReader(options, problems, false);
    }

    String text(String key, String fallback) {
        String v = options.get(key);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    boolean bool(String key, boolean fallback) {
        String v = options.get(key);
        if (v == null) {
            return fallback;
        }
        switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true": case "on": case "yes": return true;
            case "false": case "off": case "no": return false;
            default:
                return bad(key, v, "expected true or false", fallback, fallback);
        }
    }

    int positiveInt(String key, int fallback) {
        String v = options.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        return bad(key, v, "expected a positive whole number", fallback, fallback);
    }

    long duration(String key, String fallback) {
        String v = options.get(key);
        if (v != null) {
            try {
                return Durations.parseNanos(v);
            } catch (IllegalArgumentException | ArithmeticException e) {
                return bad(key, v, e.getMessage(), fallback, Durations.parseNanos(fallback));
            }
        }
        return Durations.parseNanos(fallback);
    }

    long positiveDuration(String key, String fallback) {
        long nanos = duration(key, fallback);
        if (nanos > 0) {
            return nanos;
        }
        return bad(key, options.get(key), "must be longer than 0", fallback, Durations.parseNanos(fallback));
    }

    /** A duration, or "off" / "0" for a feature switched off (returned as 0); {@code fallback} may be "off" too. */
    long durationOrOff(String key, String fallback) {
        String v = options.get(key);
        if (v == null) {
            return nanosOrOff(fallback);
        }
        try {
            return nanosOrOff(v);
        } catch (IllegalArgumentException | ArithmeticException e) {
            return bad(key, v, e.getMessage(), fallback, nanosOrOff(fallback));
        }
    }

    private static long nanosOrOff(String text) {
        String t = text.trim();
        return t.equalsIgnoreCase("off") || t.equals("0") ? 0 : Durations.parseNanos(t);
    }

    <E extends Enum<E>> E choice(String key, E fallback) {
        String v = options.get(key);
        if (v == null) {
            return fallback;
        }
        for (E e : fallback.getDeclaringClass().getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v.trim())) {
                return e;
            }
        }
        String choices = java.util.Arrays.toString(fallback.getDeclaringClass().getEnumConstants()).toLowerCase(Locale.ROOT);
        return bad(key, v, "expected one of " + choices, fallback.name().toLowerCase(Locale.ROOT), fallback);
    }

    /** Reports one line naming the key, what was wrong and what is used instead; returns that replacement. */
    private <T> T bad(String key, String value, String why, Object shownDefault, T fallback) {
        problems.accept(sayReplacement ? "option " + key + "=" + value + ": " + why + "; using " + shownDefault : why);
        return fallback;
    }
}
