package io.costlevel.agent;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.ProtectionDomain;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

import io.costlevel.agent.instrument.OutOfLineMarks;

/**
 * Puts the {@code io/costlevel/agent/bootstrap/} classes of the agent jar into the boot class loader, so code
 * instrumented in any class loader's classes finds one shared copy of the probes. They are defined there directly:
 * appending a jar to the boot class path instead makes the JVM print a warning about class data sharing on every
 * start. The jar is the fallback where defining them fails.
 */
final class BootstrapClasses {
    static final String PACKAGE_PATH = "io/costlevel/agent/bootstrap/";
    /** One class of the package, to tell whether an earlier attach to this JVM put them there already. */
    private static final String PROBES = "io.costlevel.agent.bootstrap.Probes";

    private BootstrapClasses() {}

    static void install(Instrumentation inst) throws IOException {
        if (inBootLoader()) {
            return;
        }
        Map<String, byte[]> classes = readFromAgentJar();
        try {
            defineInBootLoader(inst, classes);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError notDefined) {
            // Falls back to the boot class path (classes defined so far stay: the same loader finds them first).
            appendJar(inst, classes);
        }
    }

    /**
     * The JDK's internal {@code Unsafe.defineClass} with a null (boot) loader, its package exported to the agent
     * through the Instrumentation only: no flag, no warning (sun.misc.Unsafe, which Byte Buddy's injector uses,
     * warns on JDK 24+).
     */
    private static void defineInBootLoader(Instrumentation inst, Map<String, byte[]> classes)
            throws ReflectiveOperationException {
        Module javaBase = Object.class.getModule();
        Module agent = BootstrapClasses.class.getModule();
        inst.redefineModule(javaBase, Set.of(), Map.of("jdk.internal.misc", Set.of(agent)), Map.of(), Set.of(),
                Map.of());
        Class<?> unsafeType = Class.forName("jdk.internal.misc.Unsafe");
        Object unsafe = unsafeType.getMethod("getUnsafe").invoke(null);
        Method define = unsafeType.getMethod("defineClass", String.class, byte[].class, int.class, int.class,
                ClassLoader.class, ProtectionDomain.class);
        for (Map.Entry<String, byte[]> type : classes.entrySet()) {
            if (!isDefined(type.getKey())) {
                byte[] bytes = type.getValue();
                define.invoke(unsafe, type.getKey(), bytes, 0, bytes.length, null, null);
            }
        }
    }

    private static boolean inBootLoader() {
        return isDefined(PROBES);
    }

    private static boolean isDefined(String className) {
        try {
            Class.forName(className, false, null);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Binary class name to class file, in the jar's order, {@link OutOfLineMarks} applied. */
    private static Map<String, byte[]> readFromAgentJar() throws IOException {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        try (JarFile jar = new JarFile(agentJar().toFile())) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (name.startsWith(PACKAGE_PATH) && name.endsWith(".class")) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        classes.put(name.substring(0, name.length() - ".class".length()).replace('/', '.'),
                                OutOfLineMarks.apply(in.readAllBytes()));
                    }
                }
            }
        }
        return classes;
    }

    private static void appendJar(Instrumentation inst, Map<String, byte[]> classes) throws IOException {
        File bootstrap = File.createTempFile("costlevel-bootstrap-", ".jar");
        bootstrap.deleteOnExit();
        try (OutputStream file = Files.newOutputStream(bootstrap.toPath());
                JarOutputStream jar = new JarOutputStream(file)) {
            for (Map.Entry<String, byte[]> type : classes.entrySet()) {
                jar.putNextEntry(new JarEntry(type.getKey().replace('.', '/') + ".class"));
                jar.write(type.getValue());
                jar.closeEntry();
            }
        }
        inst.appendToBootstrapClassLoaderSearch(new JarFile(bootstrap));
    }

    private static Path agentJar() throws IOException {
        try {
            Path location = Paths.get(BootstrapClasses.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
            if (!Files.isRegularFile(location)) {
                throw new IOException("the agent is not running from its jar: " + location);
            }
            return location;
        } catch (java.net.URISyntaxException | SecurityException e) {
            throw new IOException("cannot find the agent jar: " + e, e);
        }
    }
}
