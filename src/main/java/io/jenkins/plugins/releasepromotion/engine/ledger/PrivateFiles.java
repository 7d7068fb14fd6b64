package io.jenkins.plugins.releasepromotion.engine.ledger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The files of a file ledger are private to the user who writes it. Its folder and the index folder are created
 * {@code rwx------}, its files {@code rw-------} (at creation, never widened later); a file is opened without following
 * a symbolic link and used only when it is a regular file; temporary files get unique names. A folder or file that
 * belongs to another user, or that its group or others may write, is refused with one line naming it, the rule and
 * the way out: whoever may write there could plant a link that turns an append into a write to another file, or
 * rewrite the history the gates read.
 *
 * <p>Where the file system has no POSIX permissions (Windows), only the link and regular-file rules apply.
 */
final class PrivateFiles {
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> WRITABLE_BY_OTHERS =
            Set.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
    private static final String WAY_OUT = "a file ledger is private to the user who writes it";

    private PrivateFiles() {}

    /**
     * The folder, created {@code rwx------} with its missing parents when it does not exist, checked when it does.
     *
     * @throws IllegalArgumentException when it is no folder, or is another user's or writable by others
     */
    static void folder(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            Path parent = folder.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try {
                Files.createDirectory(folder, attributes(folder.toAbsolutePath().getParent(), FOLDER));
            } catch (FileAlreadyExistsException e) {
                // Made by another process meanwhile: checked as any existing folder.
            }
        }
        Path real = folder.toRealPath();
        if (!Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
            throw refused(folder + " is not a folder; give the ledger a folder of its own");
        }
        checkOwnership(real, "folder");
    }

    /**
     * A folder inside the ledger folder (the index), created {@code rwx------}; a link there is refused, not followed.
     */
    static void subfolder(Path folder) throws IOException {
        try {
            Files.createDirectory(folder, attributes(folder.getParent(), FOLDER));
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                throw refused(folder + " is " + what(folder) + ", not a folder; the ledger never follows links in"
                        + " its folder: remove it, and find out who put it there");
            }
        }
        checkOwnership(folder, "folder");
    }

    /**
     * Opens a file of the ledger without following a link; with {@link StandardOpenOption#CREATE} or
     * {@link StandardOpenOption#CREATE_NEW} a new file is {@code rw-------}.
     *
     * @throws NoSuchFileException when it does not exist and is not to be created
     * @throws IllegalArgumentException when it is a link or no regular file, or is another user's or writable by
     *     others
     */
    static FileChannel open(Path file, OpenOption... options) throws IOException {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            // Checked before opening too: opening a named pipe for reading would wait for a writer.
            throw notRegular(file);
        }
        Set<OpenOption> all = new HashSet<>(List.of(options));
        all.add(LinkOption.NOFOLLOW_LINKS);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, all, attributes(file.getParent(), FILE));
        } catch (FileSystemException e) {
            if (Files.isSymbolicLink(file)) {
                throw notRegular(file);
            }
            throw e;
        }
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw notRegular(file);
            }
            checkOwnership(file, "file");
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The file's text, read without following a link. */
    static String read(Path file) throws IOException {
        try (FileChannel channel = open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer bytes = ByteBuffer.allocate((int) Math.min(size, Integer.MAX_VALUE - 8));
            while (bytes.hasRemaining() && channel.read(bytes) > 0) {
                // Until the buffer is full or the file ends.
            }
            return new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8);
        }
    }

    /** A new {@code rw-------} file with a unique name in {@code folder}, for a write that is moved into place. */
    static Path temporary(Path folder, String prefix) throws IOException {
        return Files.createTempFile(folder, prefix, ".tmp", attributes(folder, FILE));
    }

    private static FileAttribute<?>[] attributes(Path folder, Set<PosixFilePermission> permissions) {
        return posix(folder)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }

    /**
     * Whether the file system keeps owners and POSIX modes. Asked of the file system, not of the file store: finding a
     * path's store reads the whole mount table, on every call, which made each opening of a ledger file cost a tenth of
     * a millisecond.
     */
    private static boolean posix(Path existing) {
        if (existing == null) {
            return false;
        }
        Set<String> views = existing.getFileSystem().supportedFileAttributeViews();
        return views.contains("posix") && views.contains("unix");
    }

    /** Refuses what another user owns or what its group or others may write. */
    private static void checkOwnership(Path path, String kind) throws IOException {
        if (!posix(path)) {
            return;
        }
        PosixFileAttributes attributes =
                Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        Integer owner = (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        long me = ProcessUser.uid();
        if (me >= 0 && owner != me) {
            throw refused("The ledger " + kind + " " + path + " belongs to user "
                    + attributes.owner().getName()
                    + " (uid " + owner + "), not to this user (uid " + me + "); " + WAY_OUT + ": give a ledger"
                    + " folder of your own, or run as its owner");
        }
        Set<PosixFilePermission> writable = new HashSet<>(attributes.permissions());
        writable.retainAll(WRITABLE_BY_OTHERS);
        if (!writable.isEmpty()) {
            String mode = PosixFilePermissions.toString(attributes.permissions());
            throw refused("The ledger " + kind + " " + path + " is writable by "
                    + (writable.contains(PosixFilePermission.OTHERS_WRITE) ? "others" : "its group") + " (" + mode
                    + "); " + WAY_OUT + ": chmod go-w " + path + " (a team shares the PostgreSQL ledger instead)");
        }
    }

    private static IllegalArgumentException notRegular(Path file) {
        return refused(file + " is " + what(file) + ", not a regular file; the ledger never follows links in its"
                + " folder: remove it, and find out who put it there");
    }

    private static String what(Path path) {
        if (Files.isSymbolicLink(path)) {
            return "a symbolic link";
        }
        return Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? "a folder" : "a special file";
    }

    private static IllegalArgumentException refused(String line) {
        return new IllegalArgumentException(line + ".");
    }
}
