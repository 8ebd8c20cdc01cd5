package io.costlevel.agent.options;

import java.util.regex.Pattern;

/** One known option: its name, its default and what a valid value looks like. */
public final class OptionKey {
    /** Says what is wrong with a value, or returns null when it is valid. */
    @FunctionalInterface
    interface Check {
        String problem(String value);
    }

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$.]*");

    private final String name;
    private final String defaultValue;
    private final Check check;

    OptionKey(String name, String defaultValue, Check check) {
        this.name = name;
        this.defaultValue = defaultValue;
        this.check = check;
    }

    public String name() {
        return name;
    }

    public String defaultValue() {
        return defaultValue;
    }

    String problem(String value) {
        return check.problem(value);
    }

    static Check anyText() {
        return value -> value.isEmpty() ? "empty value" : null;
    }

    static Check flag() {
        return value -> value.equals("true") || value.equals("false") ? null : "expected true or false";
    }

    static Check integer(long min, long max) {
        return value -> {
            try {
                long n = Long.parseLong(value);
                return n >= min && n <= max ? null : "expected a whole number from " + min + " to " + max;
            } catch (NumberFormatException e) {
                return "expected a whole number from " + min + " to " + max;
            }
        };
    }

    /** Class-name prefixes separated by ';' (an empty value means "none given"). */
    static Check prefixes() {
        return value -> {
            for (String prefix : AgentOptions.splitPrefixes(value)) {
                if (!PREFIX.matcher(prefix).matches()) {
                    return "'" + prefix + "' is not a class-name prefix (letters, digits, '_', '$', '.')";
                }
            }
            return null;
        };
    }
}
