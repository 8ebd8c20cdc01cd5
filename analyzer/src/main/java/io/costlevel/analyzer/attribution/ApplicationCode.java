package io.costlevel.analyzer.attribution;

import java.util.Arrays;
import java.util.List;

/**
 * Decides which classes are the user's own code, the same way the agent decides what to instrument
 * (its {@code Selection}): never the JDK, the agent or async-profiler's API; then the include prefixes
 * when given, else everything else; minus the exclude prefixes. Libraries, language runtimes included,
 * are application code by default, as the agent counts their atomics too: {@code --include} narrows
 * both to the user's own packages.
 */
public final class ApplicationCode {
    /**
     * Never application: the agent's never-instrumented list, plus the JDK modules whose packages live
     * outside java.* and jdk.* (java.xml, java.security.jgss), which the agent skips because the boot and
     * platform loaders define them. Events in them are charged to the caller.
     */
    static final List<String> RUNTIME_PREFIXES = List.of(
            "java.", "javax.", "jdk.", "sun.", "com.sun.", "io.costlevel.agent.", "one.profiler.",
            "org.w3c.dom.", "org.xml.sax.", "org.ietf.jgss.");

    private final List<String> includes;
    private final List<String> excludes;

    private ApplicationCode(List<String> includes, List<String> excludes) {
        this.includes = includes;
        this.excludes = excludes;
    }

    /** Every class outside the runtime counts as application code. */
    public static ApplicationCode everythingButRuntime() {
        return new ApplicationCode(List.of(), List.of());
    }

    /**
     * @param prefixes class-name prefixes separated by ';' or ',' (the agent's {@code include} syntax);
     *                 blank means {@link #everythingButRuntime()}
     */
    public static ApplicationCode fromPrefixes(String prefixes) {
        return fromOptions(prefixes, null);
    }

    /** The agent's {@code include} and {@code exclude} options (either may be null or blank). */
    public static ApplicationCode fromOptions(String include, String exclude) {
        return new ApplicationCode(split(include), split(exclude));
    }

    private static List<String> split(String prefixes) {
        if (prefixes == null || prefixes.isBlank()) {
            return List.of();
        }
        return Arrays.stream(prefixes.split("[;,]"))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .toList();
    }

    /** @param className binary class name; empty for native frames, which are never application */
    public boolean contains(String className) {
        if (className.isEmpty() || isRuntime(className) || startsWithAny(className, excludes)) {
            return false;
        }
        return includes.isEmpty() || startsWithAny(className, includes);
    }

    /** The JDK, the agent or async-profiler's API: never application code, whatever the options. */
    static boolean isRuntime(String className) {
        return startsWithAny(className, RUNTIME_PREFIXES);
    }

    private static boolean startsWithAny(String className, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    public List<String> includes() {
        return includes;
    }
}
