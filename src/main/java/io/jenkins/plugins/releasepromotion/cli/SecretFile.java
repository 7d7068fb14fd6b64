package io.jenkins.plugins.releasepromotion.cli;

import io.jenkins.plugins.releasepromotion.engine.model.TerminalText;
import io.jenkins.plugins.releasepromotion.engine.port.CredentialsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A file named by a {@code *_FILE} variable, read as OpenSSH reads a private key: a file other users may read is
 * used with a warning; a file every user may write is refused, because anyone on the machine may have put their own
 * secret there (a ledger key, a token) and the command would trust it.
 */
final class SecretFile {
    private static final Set<PosixFilePermission> SHARED =
            Set.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ);

    private SecretFile() {}

    /** The file's text without one trailing newline ({@code \n} or {@code \r\n}). */
    static String read(String variable, String file) throws IOException {
        Path path = Path.of(file);
        Set<PosixFilePermission> mode = mode(path);
        if (mode.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new CredentialsException(variable + " names " + TerminalText.of(file) + ", which every user may"
                    + " write (mode " + octal(mode) + "), so it may not hold your secret; write it anew and run"
                    + " 'chmod 600 " + TerminalText.of(file) + "'.");
        }
        String text = Files.readString(path, StandardCharsets.UTF_8);
        if (text.endsWith("\r\n")) {
            return text.substring(0, text.length() - 2);
        }
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    /** What to say about the file's mode, when other users may read or change it. */
    static Optional<String> warning(String variable, String file) {
        Set<PosixFilePermission> mode;
        try {
            mode = mode(Path.of(file));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (mode.stream().noneMatch(SHARED::contains)) {
            return Optional.empty();
        }
        return Optional.of("warning: " + variable + " names " + TerminalText.of(file) + ", which other users may "
                + (mode.contains(PosixFilePermission.GROUP_WRITE) ? "read or change" : "read") + " (mode "
                + octal(mode) + "); it is used, but keep a secret to yourself: chmod 600 " + TerminalText.of(file));
    }

    private static Set<PosixFilePermission> mode(Path path) throws IOException {
        try {
            return Files.getPosixFilePermissions(path);
        } catch (UnsupportedOperationException e) {
            // A file system without POSIX modes has nothing to say here.
            return Set.of();
        }
    }

    private static String octal(Set<PosixFilePermission> mode) {
        int bits = 0;
        for (PosixFilePermission p : mode) {
            bits |= 1 << (8 - p.ordinal());
        }
        return String.format(Locale.ROOT, "%04o, %s", bits, PosixFilePermissions.toString(mode));
    }
}
