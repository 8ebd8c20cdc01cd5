package io.costlevel.analyzer.attach;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The agent jar that {@code attach} loads. The build packs agent/target/costlevel-agent.jar into costlevel.jar (see
 * analyzer/pom.xml), so the one jar a user copies to a server is enough. It is written out once per content into
 * {@link PrivateDirectory} ({@code java.io.tmpdir/costlevel-USER}, a directory only this user can enter) and then
 * reused: a JVM that was attached before has the agent's classes loaded from that very path, and a second attach
 * must load the same classes (and their state) again.
 *
 * <p>Whatever is found there is loaded only if it is a regular file (not a symbolic link) this user owns, writable
 * by no one else, whose every byte equals the bundled agent, checked again right before every load: anything else
 * would run inside the target JVM with that JVM's rights.
 */
public final class BundledAgent {
    static final String RESOURCE = "costlevel-agent.jar";

    private BundledAgent() {}

    /** The jar to load: {@code explicit} when given, else the bundled one written out and verified as above. */
    public static Path jar(Path explicit) throws AttachException {
        if (explicit != null) {
            if (!Files.isRegularFile(explicit)) {
                throw new AttachException(explicit + ": no such agent jar");
            }
            return explicit.toAbsolutePath();
        }
        return writtenAndVerified(PrivateDirectory.ofThisUser(Path.of(System.getProperty("java.io.tmpdir"))));
    }

    /** The bundled agent in {@code directory}, written there if absent, verified in full either way. */
    static Path writtenAndVerified(PrivateDirectory directory) throws AttachException {
        byte[] bytes = bundledBytes();
        String name = "costlevel-agent-" + shortHash(bytes) + ".jar";
        return directory.verifiedCopy(name, bytes);
    }

    static byte[] bundledBytes() throws AttachException {
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

    private static String shortHash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
