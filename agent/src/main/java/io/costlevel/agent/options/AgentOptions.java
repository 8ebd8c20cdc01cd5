package io.costlevel.agent.options;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent's options, parsed from {@code key=value,key=value} and validated as a whole: an unknown key or a bad
 * value is a {@link BadOptionException}, never a partly configured agent.
 */
public final class AgentOptions {
    private final Map<String, String> given;

    private AgentOptions(Map<String, String> given) {
        this.given = given;
    }

    public static AgentOptions parse(String text) throws BadOptionException {
        Map<String, String> given = new LinkedHashMap<>();
        if (text != null && !text.isBlank()) {
            for (String option : text.split(",", -1)) {
                int equals = option.indexOf('=');
                if (equals <= 0) {
                    throw new BadOptionException(option, "expected key=value");
                }
                String key = option.substring(0, equals).trim();
                String value = option.substring(equals + 1).trim();
                OptionKey known = OptionKeys.find(key);
                if (known == null) {
                    throw new BadOptionException(option, "unknown key (known: " + OptionKeys.names() + ")");
                }
                if (given.containsKey(key)) {
                    throw new BadOptionException(option, "given twice");
                }
                String problem = OptionKeys.embeddedKey(key, value);
                if (problem == null) {
                    problem = known.problem(value);
                }
                if (problem != null) {
                    throw new BadOptionException(option, problem);
                }
                given.put(key, value);
            }
        }
        return new AgentOptions(Collections.unmodifiableMap(given));
    }

    /** The value of any known key: as given, else its default. */
    public String get(String key) {
        OptionKey known = OptionKeys.find(key);
        if (known == null) {
            throw new IllegalArgumentException("not an option key: " + key);
        }
        return given.getOrDefault(key, known.defaultValue());
    }

    public boolean flag(String key) {
        return Boolean.parseBoolean(get(key));
    }

    /** The options exactly as the user gave them, in their order (for the data file). */
    public Map<String, String> given() {
        return given;
    }

    public Path out() {
        return Paths.get(get(OptionKeys.OUT));
    }

    /**
     * The application's class-name prefixes: its lines are ranked and library sites are charged to them. Empty means
     * every class outside the JDK and the agent is the application.
     */
    public List<String> include() {
        return splitPrefixes(get(OptionKeys.INCLUDE));
    }

    /** Prefixes of the only classes instrumented; empty means every class outside the JDK and the agent. */
    public List<String> instrument() {
        return splitPrefixes(get(OptionKeys.INSTRUMENT));
    }

    public List<String> exclude() {
        return splitPrefixes(get(OptionKeys.EXCLUDE));
    }

    public int intervalSeconds() {
        return Integer.parseInt(get(OptionKeys.INTERVAL));
    }

    public int sampling() {
        return Integer.parseInt(get(OptionKeys.SAMPLING));
    }

    public int maxSites() {
        return Integer.parseInt(get(OptionKeys.MAX_SITES));
    }

    /** Seconds to record before detaching; 0 records until the JVM exits. */
    public int durationSeconds() {
        return Integer.parseInt(get(OptionKeys.DURATION));
    }

    public boolean enabled(Family family) {
        return flag(family.optionName());
    }

    static List<String> splitPrefixes(String value) {
        List<String> prefixes = new ArrayList<>();
        for (String prefix : value.split(";")) {
            if (!prefix.isBlank()) {
                prefixes.add(prefix.trim());
            }
        }
        return prefixes;
    }
}
