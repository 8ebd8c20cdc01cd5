package io.costlevel.analyzer.attach;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The agent jar that {@code attach} loads. The build packs agent/target/costlevel-agent.jar into costlevel.jar (see
 * analyzer/pom.xml), so the one jar a user copies to a server is enough. It is written out once per content to
 * {@code java.io.tmpdir/costlevel-agent-HASH.jar} and then reused: a JVM that was attached before has the agent's
 * classes loaded from that very path, and a second attach must load the same classes (and their state) again.
 */
public final class BundledAgent {
    static final String RESOURCE = "costlevel-agent.jar";

    private BundledAgent() {}

    /** The jar to load: {@code explicit} when given, else the bundled one written out as above. */
    public static Path jar(Path explicit) throws AttachException {
        if (explicit != null) {
            if (!Files.isRegularFile(explicit)) {
                throw new AttachException(explicit + ": no such agent jar");
            }
            return explicit.toAbsolutePath();
        }
        byte[] bytes = bundledBytes();
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "costlevel-agent-" + shortHash(bytes) + ".jar");
        if (!Files.isRegularFile(target)) {
            writeOnce(bytes, target);
        }
        return target;
    }

    private static byte[] bundledBytes() throws AttachException {
        try (InputStream in = BundledAgent.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new AttachException("this costlevel.jar carries no agent (built without agent/target/costlevel-agent.jar);"
                        + " give one with --agent-jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AttachException("cannot read the agent bundled in costlevel.jar (" + e.getMessage() + ")", e);
        }
    }

    /** Written under a temporary name and moved in place, so a concurrent attach never loads half a jar. */
    private static void writeOnce(byte[] bytes, Path target) throws AttachException {
        try {
            Path temp = Files.createTempFile(target.getParent(), "costlevel-agent-", ".part");
            Files.write(temp, bytes);
            // The target JVM may run as another user (attaching as root): it must be able to read the jar.
            trySetReadableByAll(temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException raced) {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new AttachException("cannot write the agent jar to " + target.getParent() + " (" + e.getMessage() + ")", e);
        }
    }

    private static void trySetReadableByAll(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (IOException | UnsupportedOperationException notPosix) {
            // Windows: readable as created.
        }
    }

    private static String shortHash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
