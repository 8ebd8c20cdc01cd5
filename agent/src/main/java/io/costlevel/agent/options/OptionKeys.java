package io.costlevel.agent.options;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.costlevel.agent.capture.CaptureSettings;

/**
 * Every option the agent accepts, so an unknown key is rejected: the agent's own and the capture's
 * ({@link CaptureSettings#KEYS}, read by the capture code from {@link AgentOptions#given()}). Documented for
 * users in docs/agent.md; the contract keys ({@code out}, {@code include}, {@code interval}) are in
 * shared/contract.md.
 */
public final class OptionKeys {
    public static final String OUT = "out";
    public static final String INCLUDE = "include";
    public static final String EXCLUDE = "exclude";
    /** Narrows instrumentation (for overhead) without changing what the application is ({@code include}). */
    public static final String INSTRUMENT = "instrument";
    public static final String INTERVAL = "interval";
    public static final String SAMPLING = "sampling";
    public static final String MAX_SITES = "maxSites";
    /** Seconds to record, then stop and remove the instrumentation (what {@code costlevel attach} sets); 0: until exit. */
    public static final String DURATION = "duration";

    private static final Map<String, OptionKey> KNOWN = new LinkedHashMap<>();

    static {
        add(OUT, "costlevel-out", OptionKey.anyText());
        add(INCLUDE, "", OptionKey.prefixes());
        add(EXCLUDE, "", OptionKey.prefixes());
        add(INTERVAL, "10", OptionKey.integer(1, 86_400));
        add(INSTRUMENT, "", OptionKey.prefixes());
        add(SAMPLING, "64", OptionKey.integer(1, 1 << 20));
        add(MAX_SITES, "10000", OptionKey.integer(1, 1_000_000));
        add(DURATION, "0", OptionKey.integer(0, 30 * 86_400));
        for (Family family : Family.values()) {
            add(family.optionName(), "true", OptionKey.flag());
        }
        // The capture code knows its own values' types; asked here, a bad one is refused like any other.
        for (String captureKey : CaptureSettings.KEYS) {
            add(captureKey, "", value -> value.isEmpty() ? "empty value" : CaptureSettings.problem(captureKey, value));
        }
    }

    private OptionKeys() {}

    private static void add(String name, String defaultValue, OptionKey.Check check) {
        KNOWN.put(name, new OptionKey(name, defaultValue, check));
    }

    /**
     * Says so when {@code value} holds another option, {@code key=} after a separator other than ',' (typically
     * {@code out=dir;include=com.acme.}, which would otherwise make a directory of that name and drop include).
     * Returns null when it holds none.
     */
    static String embeddedKey(String key, String value) {
        for (String other : KNOWN.keySet()) {
            int at = value.indexOf(other + "=");
            while (at >= 0) {
                if (at == 0 || !isNamePart(value.charAt(at - 1))) {
                    char separator = at == 0 ? ' ' : value.charAt(at - 1);
                    String before = value.substring(0, at == 0 ? 0 : at - 1);
                    return "the value holds another option ('" + other + "='); options are separated by ','"
                            + (at == 0 ? "" : ", not '" + separator + "'") + ": write " + key + "=" + before + ","
                            + value.substring(at);
                }
                at = value.indexOf(other + "=", at + 1);
            }
        }
        return null;
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_';
    }

    static OptionKey find(String name) {
        return KNOWN.get(name);
    }

    public static List<OptionKey> all() {
        return Collections.unmodifiableList(new ArrayList<>(KNOWN.values()));
    }

    static String names() {
        return String.join(", ", KNOWN.keySet());
    }
}
