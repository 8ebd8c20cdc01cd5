package io.costlevel.agent.attach;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The classes that carry the agent's instrumentation now, by name, kept across attaches to one JVM: the ones to
 * give their original code back when an attach ends, and only those (retransforming any other class would make
 * its running calls old versions for nothing, see {@link StackSafeRetransformer}).
 */
public final class InstrumentedClasses {
    private static final Set<String> NAMES = ConcurrentHashMap.newKeySet();

    private InstrumentedClasses() {}

    /** {@code transformer}, noting every class it rewrites. */
    public static ClassFileTransformer noting(ClassFileTransformer transformer) {
        return new ClassFileTransformer() {
            @Override
            public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                    ProtectionDomain protectionDomain, byte[] classfileBuffer) throws IllegalClassFormatException {
                byte[] rewritten = transformer.transform(module, loader, className, classBeingRedefined, protectionDomain,
                        classfileBuffer);
                if (rewritten != null && className != null) {
                    NAMES.add(className.replace('/', '.'));
                } else if (classBeingRedefined != null) {
                    NAMES.remove(classBeingRedefined.getName()); // retransformed back to code without probes
                }
                return rewritten;
            }
        };
    }

    public static boolean carries(String className) {
        return NAMES.contains(className);
    }

    /** Of {@code loaded}, those that carry instrumentation. */
    public static List<Class<?>> among(Class<?>[] loaded) {
        List<Class<?>> instrumented = new ArrayList<>();
        for (Class<?> type : loaded) {
            if (NAMES.contains(type.getName())) {
                instrumented.add(type);
            }
        }
        return instrumented;
    }

    /**
     * Of {@code types}, retransformed with no transformer registered, all but {@code kept} have their original
     * code again (or, refused by the JVM, are given up on).
     */
    public static void restored(List<Class<?>> types, List<Class<?>> kept) {
        for (Class<?> type : types) {
            if (!kept.contains(type)) {
                NAMES.remove(type.getName());
            }
        }
    }
}
