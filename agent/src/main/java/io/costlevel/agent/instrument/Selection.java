package io.costlevel.agent.instrument;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.costlevel.agent.options.AgentOptions;
import io.costlevel.agent.options.Family;

/** Which classes are instrumented (include/exclude prefixes) and which families of primitives. */
public final class Selection {
    /**
     * Never instrumented, whatever include says: the JDK, the agent itself with its relocated libraries, and
     * async-profiler's Java API, which the capture defines in a class loader of its own (its JNI binding forbids
     * relocating it). So the agent never counts its own work.
     */
    private static final List<String> NEVER = List.of(
            "java/", "javax/", "jdk/", "sun/", "com/sun/", "io/costlevel/agent/", "one/profiler/");

    private final List<String> include;
    private final List<String> exclude;
    private final Set<Family> families;

    Selection(List<String> include, List<String> exclude, Set<Family> families) {
        this.include = internalNames(include);
        this.exclude = internalNames(exclude);
        this.families = families.isEmpty() ? EnumSet.noneOf(Family.class) : EnumSet.copyOf(families);
    }

    public static Selection of(AgentOptions options) {
        Set<Family> families = EnumSet.noneOf(Family.class);
        for (Family family : Family.values()) {
            if (options.enabled(family)) {
                families.add(family);
            }
        }
        return new Selection(options.include(), options.exclude(), families);
    }

    /**
     * True for an application class: defined by a class loader below the platform loader (the boot and platform
     * loaders define the JDK), not on the never list, matching include (when given) and not exclude.
     */
    public boolean accepts(ClassLoader loader, String internalName) {
        if (loader == null || loader == ClassLoader.getPlatformClassLoader()) {
            return false;
        }
        if (startsWithAny(internalName, NEVER) || startsWithAny(internalName, exclude)) {
            return false;
        }
        return include.isEmpty() || startsWithAny(internalName, include);
    }

    boolean enabled(Family family) {
        return families.contains(family);
    }

    boolean monitors() {
        return enabled(Family.MONITORS);
    }

    private static boolean startsWithAny(String name, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> internalNames(List<String> prefixes) {
        List<String> names = new ArrayList<>();
        for (String prefix : prefixes) {
            names.add(prefix.replace('.', '/'));
        }
        return names;
    }
}
