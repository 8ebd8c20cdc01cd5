package io.costlevel.agent.instrument;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.costlevel.agent.options.AgentOptions;
import io.costlevel.agent.options.Family;

/**
 * Which classes are instrumented (every class outside the JDK, narrowed by {@code instrument}, minus {@code exclude}),
 * which of them are the application ({@code include}: their lines are ranked, library sites are charged to them) and
 * which families of primitives are counted.
 */
public final class Selection {
    /**
     * Never instrumented, whatever include says: the JDK, the agent itself with its relocated libraries, and
     * async-profiler's Java API, which the capture defines in a class loader of its own (its JNI binding forbids
     * relocating it). So the agent never counts its own work.
     */
    private static final List<String> NEVER = List.of(
            "java/", "javax/", "jdk/", "sun/", "com/sun/", "io/costlevel/agent/", "one/profiler/");

    /**
     * The JDK's classes whose code is instrumented although the JDK is not: the synchronized wrappers of
     * {@code Collections}, which applications reach through {@code List}, {@code Set}, {@code Collection} and
     * {@code Map} calls, and {@code CopyOnWriteArrayList} (behind {@code CopyOnWriteArraySet} too), reached through
     * {@code List} and {@code Set}: the agent does not probe the first three at the call (every {@code ArrayList.add}
     * of the program would pay a class check), nor reads through {@code Map} (every {@code HashMap.get}). Their only
     * counted code is their {@code synchronized (lock)} blocks (a copy-on-write list's writes; its reads take no
     * lock): plain monitors in classes that call no agent code, so counting them cannot re-enter. ({@code CallProbes}
     * does not count a call on them, so a write through {@code Map} is counted once, here.)
     */
    private static final List<String> JDK_CLASSES = List.of("java/util/Collections$Synchronized",
            "java/util/concurrent/CopyOnWriteArrayList");

    private final List<String> application;
    private final List<String> instrument;
    private final List<String> exclude;
    private final Set<Family> families;

    /** Every class outside the JDK instrumented; {@code application} says which of them are the application. */
    Selection(List<String> application, List<String> exclude, Set<Family> families) {
        this(application, List.of(), exclude, families);
    }

    Selection(List<String> application, List<String> instrument, List<String> exclude, Set<Family> families) {
        this.application = internalNames(application);
        this.instrument = internalNames(instrument);
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
        return new Selection(options.include(), options.instrument(), options.exclude(), families);
    }

    /**
     * True for a class to instrument: defined by a class loader below the platform loader (the boot and platform
     * loaders define the JDK), not on the never list, matching {@code instrument} (when given) and not exclude.
     * Libraries are instrumented like the application: their synchronization is what the application's lines reach.
     * Of the JDK, only its synchronized collections ({@link #JDK_CLASSES}), whatever {@code instrument}
     * says: like the calls into the JDK's concurrent APIs, they are counted where the application's calls go.
     */
    public boolean accepts(ClassLoader loader, String internalName) {
        if (loader == null || loader == ClassLoader.getPlatformClassLoader()) {
            return isCountedJdkClass(internalName) && monitors() && !startsWithAny(internalName, exclude);
        }
        if (startsWithAny(internalName, NEVER) || startsWithAny(internalName, exclude)) {
            return false;
        }
        return instrument.isEmpty() || startsWithAny(internalName, instrument);
    }

    /** True when the class is the application's: no include given (everything is), or it matches include. */
    boolean isApplication(String internalName) {
        return !isCountedJdkClass(internalName) && (application.isEmpty() || startsWithAny(internalName, application));
    }

    /** One of {@link #JDK_CLASSES}, or a nested class of one. */
    static boolean isCountedJdkClass(String internalName) {
        return startsWithAny(internalName, JDK_CLASSES);
    }

    /** The application's prefixes as binary names ({@code com.acme.}), empty when every class is the application. */
    public List<String> applicationPrefixes() {
        List<String> names = new ArrayList<>();
        for (String prefix : application) {
            names.add(prefix.replace('/', '.'));
        }
        return names;
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
