package io.costlevel.analyzer.attach;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Arrays;
import java.util.Set;

/**
 * A directory only this user can enter: {@code base/costlevel-USER}, mode 0700, owned by this user, not a symbolic
 * link. Made if absent; refused, never repaired, if anything about it is otherwise, since in a shared {@code /tmp}
 * anyone may have made it first. Inside it no one else can create, replace or rename a file, so a file checked
 * there stays what it was checked to be until this user changes it.
 */
final class PrivateDirectory {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path path;
    private final UserPrincipal user;

    private PrivateDirectory(Path path, UserPrincipal user) {
        this.path = path;
        this.user = user;
    }

    static PrivateDirectory ofThisUser(Path base) throws AttachException {
        String userName = System.getProperty("user.name");
        Path path = base.toAbsolutePath().resolve("costlevel-" + userName.replaceAll("[^A-Za-z0-9._-]", "_"));
        UserPrincipal user;
        try {
            user = path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(userName);
        } catch (IOException e) {
            throw new AttachException("cannot tell who this user (" + userName + ") is (" + e.getMessage() + "); give the agent with --agent-jar", e);
        }
        PrivateDirectory directory = new PrivateDirectory(path, user);
        directory.createIfAbsent();
        directory.check();
        return directory;
    }

    Path path() {
        return path;
    }

    /**
     * {@code name} in this directory holding exactly {@code bytes}: written (under a temporary name, then moved,
     * so no one loads half a jar) when absent, else checked byte for byte.
     */
    Path verifiedCopy(String name, byte[] bytes) throws AttachException {
        Path file = path.resolve(name);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            write(file, bytes);
        }
        verify(file, bytes);
        return file;
    }

    private void createIfAbsent() throws AttachException {
        try {
            if (POSIX) {
                Files.createDirectory(path, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createDirectory(path);
            }
        } catch (FileAlreadyExistsException exists) {
            // Made by an earlier attach, or by someone else: check() tells which.
        } catch (IOException e) {
            throw new AttachException("cannot make the private directory " + path + " for the agent jar (" + e.getMessage() + ")", e);
        }
    }

    private void check() throws AttachException {
        String refused = path + ": not loading the agent from here, ";
        String fix = "; remove it, or run with -Djava.io.tmpdir=DIR naming a directory of yours";
        if (!POSIX) {
            checkOwner(path, refused, fix);
            return;
        }
        PosixFileAttributes attributes = posixAttributes(path, refused);
        if (attributes.isSymbolicLink() || !attributes.isDirectory()) {
            throw new AttachException(refused + "it is " + (attributes.isSymbolicLink() ? "a symbolic link" : "not a directory") + fix);
        }
        if (!attributes.owner().equals(user)) {
            throw new AttachException(refused + "it belongs to " + attributes.owner().getName() + ", not to " + user.getName() + fix);
        }
        if (!attributes.permissions().equals(OWNER_ONLY)) {
            throw new AttachException(refused + "its mode is " + PosixFilePermissions.toString(attributes.permissions())
                    + ", not rwx------ (others could place files in it)" + fix);
        }
    }

    private void verify(Path file, byte[] bytes) throws AttachException {
        String refused = file + ": not loading it, ";
        String fix = "; remove it and attach again";
        if (POSIX) {
            PosixFileAttributes attributes = posixAttributes(file, refused);
            if (!attributes.isRegularFile()) {
                throw new AttachException(refused + "it is " + (attributes.isSymbolicLink() ? "a symbolic link" : "not a regular file") + fix);
            }
            if (!attributes.owner().equals(user)) {
                throw new AttachException(refused + "it belongs to " + attributes.owner().getName() + ", not to " + user.getName() + fix);
            }
            if (attributes.permissions().contains(PosixFilePermission.GROUP_WRITE)
                    || attributes.permissions().contains(PosixFilePermission.OTHERS_WRITE)) {
                throw new AttachException(refused + "others may write it (mode " + PosixFilePermissions.toString(attributes.permissions()) + ")" + fix);
            }
        } else {
            checkOwner(file, refused, fix);
        }
        byte[] found;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            found = in.readAllBytes();
        } catch (IOException e) {
            throw new AttachException(refused + "it cannot be read (" + e.getMessage() + ")" + fix, e);
        }
        if (!Arrays.equals(found, bytes)) {
            throw new AttachException(refused + "its content differs from the agent bundled in this costlevel.jar" + fix);
        }
    }

    private void write(Path file, byte[] bytes) throws AttachException {
        try {
            Path temp = Files.createTempFile(path, "costlevel-agent-", ".part");
            Files.write(temp, bytes);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException raced) {
                Files.deleteIfExists(temp); // a concurrent attach of this user wrote it: verify() reads theirs
            }
        } catch (IOException e) {
            throw new AttachException("cannot write the agent jar to " + path + " (" + e.getMessage() + ")", e);
        }
    }

    private void checkOwner(Path file, String refused, String fix) throws AttachException {
        try {
            UserPrincipal owner = Files.getOwner(file, LinkOption.NOFOLLOW_LINKS);
            if (!owner.equals(user)) {
                throw new AttachException(refused + "it belongs to " + owner.getName() + ", not to " + user.getName() + fix);
            }
        } catch (IOException e) {
            throw new AttachException(refused + "its owner cannot be read (" + e.getMessage() + ")" + fix, e);
        }
    }

    private static PosixFileAttributes posixAttributes(Path file, String refused) throws AttachException {
        try {
            return Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new AttachException(refused + "its attributes cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
