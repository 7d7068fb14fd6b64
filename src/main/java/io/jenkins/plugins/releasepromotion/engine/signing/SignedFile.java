package io.jenkins.plugins.releasepromotion.engine.signing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A statement file and the {@code .sig} file {@code ssh-keygen -Y sign} wrote beside it. */
record SignedFile(Path path, byte[] text, ApprovalStatement statement, SshSignature signature) {
    /** Statements and signatures are a few hundred bytes. */
    private static final long MAX_BYTES = 64 * 1024;

    SignedFile {
        text = text.clone();
    }

    @Override
    public byte[] text() {
        return text.clone();
    }

    /** @throws IllegalArgumentException one sentence naming the file and what is wrong with it */
    static SignedFile read(Path path) {
        byte[] text = bytes(path, "the statement; write it with 'release-promotion approval request'");
        Path sig = path.resolveSibling(path.getFileName() + ".sig");
        byte[] signature = bytes(
                sig,
                "the signature; sign the statement with ssh-keygen -Y sign -n " + SignedApprovals.NAMESPACE + " -f KEY "
                        + path);
        ApprovalStatement statement;
        try {
            statement = ApprovalStatement.parse(new String(text, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + " " + e.getMessage() + ".");
        }
        try {
            return new SignedFile(
                    path, text, statement, SshSignature.parse(new String(signature, StandardCharsets.US_ASCII)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(sig + " " + e.getMessage()
                    + "; sign the statement with ssh-keygen -Y sign -n " + SignedApprovals.NAMESPACE + ".");
        }
    }

    private static byte[] bytes(Path file, String what) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException(file + " is larger than 64 KiB; it is not " + what + ".");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + " does not exist: it should be " + what + ".");
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    file + " cannot be read (" + e.getClass().getSimpleName() + "); it should be " + what + ".");
        }
    }
}
