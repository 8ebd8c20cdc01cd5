package io.costlevel.agent.capture;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Packs {@link CaptureTestAgent} as a javaagent beside the real agent jar, whose classes it reaches
 * through its manifest's Class-Path: the forked JVM runs the shaded, packaged capture code.
 */
final class CaptureTestAgentJar {
    private CaptureTestAgentJar() {}

    static synchronized Path build() throws IOException {
        Path agentJar = Path.of(System.getProperty("costlevel.agentJar"));
        if (!Files.exists(agentJar)) {
            throw new IllegalStateException("no agent jar at " + agentJar + ": run mvn verify");
        }
        Path jar = agentJar.resolveSibling("capture-test-agent.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", CaptureTestAgent.class.getName());
        manifest.getMainAttributes().putValue("Class-Path", agentJar.getFileName().toString());
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            String entry = CaptureTestAgent.class.getName().replace('.', '/') + ".class";
            out.putNextEntry(new JarEntry(entry));
            try (InputStream in = CaptureTestAgent.class.getClassLoader().getResourceAsStream(entry)) {
                in.transferTo(out);
            }
            out.closeEntry();
        }
        return jar;
    }
}
