package io.costlevel.analyzer.production;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code attach} never loads a jar someone else put where it looks (issue 13, item 7). A jar with an
 * {@code agentmain} is planted at the path older versions wrote and reused ({@code java.io.tmpdir/costlevel-agent-
 * HASH.jar}), and in turn: at the new path inside the private directory, as a symbolic link there, the private
 * directory as a symbolic link, the private directory open to others. Each attach is refused with one line before
 * anything is loaded; the planted agent never runs in the target (it would leave a marker file); and once the
 * directory is clean the real agent is loaded and records.
 */
class PlantedAgentIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void loadsOnlyTheVerifiedBundledAgent(@TempDir Path dir) throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path planted = plantedJar(dir.resolve("planted.jar"));
        byte[] agent = Files.readAllBytes(Jvm.builtJar("costlevel.agentJar"));
        String jarName = "costlevel-agent-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(agent), 0, 8) + ".jar";
        Files.copy(planted, tmp.resolve(jarName)); // the old predictable path, where anyone may write
        Path privateDir = tmp.resolve("costlevel-" + System.getProperty("user.name"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");

        try (ForkedProcess app = ForkedProcess.start(dir, "app", java, List.of(
                "-jar", Jvm.builtJar("costlevel.samplesJar").toString(), "atomic", "--threads", "1", "--seconds", "120"))) {
            AttachIT.awaitAttachable(app);

            Files.createDirectory(privateDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.copy(planted, privateDir.resolve(jarName));
            assertRefused(dir, tmp, app, "planted-copy", "its content differs from the agent bundled");

            Files.delete(privateDir.resolve(jarName));
            Files.createSymbolicLink(privateDir.resolve(jarName), planted);
            assertRefused(dir, tmp, app, "planted-link", "it is a symbolic link");

            Files.delete(privateDir.resolve(jarName));
            Files.delete(privateDir);
            Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
            Files.copy(planted, elsewhere.resolve(jarName));
            Files.createSymbolicLink(privateDir, elsewhere);
            assertRefused(dir, tmp, app, "linked-dir", "it is a symbolic link");

            Files.delete(privateDir);
            Files.createDirectory(privateDir);
            Files.setPosixFilePermissions(privateDir, PosixFilePermissions.fromString("rwxrwxrwx"));
            Files.copy(planted, privateDir.resolve(jarName));
            assertRefused(dir, tmp, app, "open-dir", "its mode is rwxrwxrwx");

            Files.delete(privateDir.resolve(jarName));
            Files.setPosixFilePermissions(privateDir, PosixFilePermissions.fromString("rwx------"));
            Path out = dir.resolve("out");
            ForkedProcess attach = attach(dir, tmp, app, "clean", out);
            assertThat(attach.awaitExit(180)).as("%s", attach).isZero();
            assertThat(MAPPER.readTree(out.resolve("costlevel-sites.json").toFile()).path("snapshot").path("final").asBoolean())
                    .as("the bundled agent recorded").isTrue();
            assertThat(Files.readAllBytes(privateDir.resolve(jarName))).as("the jar it wrote is the bundled one").isEqualTo(agent);
            assertThat(dir.resolve(PlantedAgent.MARKER)).as("the planted agent never ran").doesNotExist();
        }
    }

    private static void assertRefused(Path dir, Path tmp, ForkedProcess app, String name, String why) throws Exception {
        ForkedProcess attach = attach(dir, tmp, app, name, dir.resolve("out-" + name));
        assertThat(attach.awaitExit(60)).as("%s", attach).isEqualTo(1);
        assertThat(attach.stderr().lines()).as("%s", attach).hasSize(1);
        assertThat(attach.stderr()).as(name).startsWith("costlevel: ").contains(why).doesNotContain("Exception");
        assertThat(dir.resolve(PlantedAgent.MARKER)).as("the planted agent never ran (%s)", name).doesNotExist();
        assertThat(app.isAlive()).isTrue();
    }

    private static ForkedProcess attach(Path dir, Path tmp, ForkedProcess app, String name, Path out) throws IOException {
        return ForkedProcess.start(dir, "attach-" + name, Path.of(System.getProperty("java.home"), "bin", "java"), List.of(
                "-Djava.io.tmpdir=" + tmp, "-jar", Jvm.builtJar("costlevel.analyzerJar").toString(),
                "attach", Long.toString(app.pid()), "--seconds", "1", "--out", out.toString(),
                "--include", "io.costlevel.samples."));
    }

    /** A jar whose Agent-Class is {@link PlantedAgent}, as an attacker's would be. */
    private static Path plantedJar(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Agent-Class", PlantedAgent.class.getName());
        String entry = PlantedAgent.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
                InputStream classBytes = PlantedAgent.class.getResourceAsStream("/" + entry)) {
            out.putNextEntry(new JarEntry(entry));
            classBytes.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }
}
