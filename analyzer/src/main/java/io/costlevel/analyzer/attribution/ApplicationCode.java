package io.costlevel.analyzer.attribution;

import java.util.Arrays;
import java.util.List;

/**
 * Decides which classes are the user's own code, the same way the agent does: the include prefixes
 * when given, otherwise everything outside the JDK and the usual language runtimes.
 */
public final class ApplicationCode {
    /** Runtime code that is never "application": events in it are charged to the caller. */
    private static final List<String> RUNTIME_PREFIXES = List.of(
            "java.", "javax.", "jdk.", "sun.", "com.sun.", "kotlin.", "kotlinx.", "scala.", "groovy.",
            "io.costlevel.agent.", "one.profiler.");

    private final List<String> includes;

    private ApplicationCode(List<String> includes) {
        this.includes = includes;
    }

    /** Every class outside the runtime counts as application code. */
    public static ApplicationCode everythingButRuntime() {
        return new ApplicationCode(List.of());
    }

    /**
     * @param prefixes class-name prefixes separated by ';' or ',' (the agent's {@code include} syntax);
     *                 blank means {@link #everythingButRuntime()}
     */
    public static ApplicationCode fromPrefixes(String prefixes) {
        if (prefixes == null || prefixes.isBlank()) {
            return everythingButRuntime();
        }
        List<String> parsed = Arrays.stream(prefixes.split("[;,]"))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .toList();
        return new ApplicationCode(parsed);
    }

    /** @param className binary class name; empty for native frames, which are never application */
    public boolean contains(String className) {
        if (className.isEmpty()) {
            return false;
        }
        if (includes.isEmpty()) {
            return RUNTIME_PREFIXES.stream().noneMatch(className::startsWith);
        }
        return includes.stream().anyMatch(className::startsWith);
    }

    public List<String> includes() {
        return includes;
    }
}
