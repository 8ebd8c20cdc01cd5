package io.costlevel.agent;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Copies the {@code io/costlevel/agent/bootstrap/} classes of the agent jar into a temporary jar and appends it to
 * the boot class path, so code instrumented in any class loader's classes finds one shared copy of the probes.
 */
final class BootstrapJar {
    static final String PACKAGE_PATH = "io/costlevel/agent/bootstrap/";

    private BootstrapJar() {}

    static void appendTo(Instrumentation inst) throws IOException {
        Path agentJar = agentJar();
        File bootstrap = File.createTempFile("costlevel-bootstrap-", ".jar");
        bootstrap.deleteOnExit();
        try (JarFile source = new JarFile(agentJar.toFile());
                OutputStream file = Files.newOutputStream(bootstrap.toPath());
                JarOutputStream target = new JarOutputStream(file)) {
            for (Enumeration<JarEntry> entries = source.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                if (entry.getName().startsWith(PACKAGE_PATH)) {
                    target.putNextEntry(new JarEntry(entry.getName()));
                    try (InputStream in = source.getInputStream(entry)) {
                        in.transferTo(target);
                    }
                    target.closeEntry();
                }
            }
        }
        inst.appendToBootstrapClassLoaderSearch(new JarFile(bootstrap));
    }

    private static Path agentJar() throws IOException {
        try {
            Path location = Paths.get(BootstrapJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(location)) {
                throw new IOException("the agent is not running from its jar: " + location);
            }
            return location;
        } catch (java.net.URISyntaxException | SecurityException e) {
            throw new IOException("cannot find the agent jar: " + e, e);
        }
    }
}
