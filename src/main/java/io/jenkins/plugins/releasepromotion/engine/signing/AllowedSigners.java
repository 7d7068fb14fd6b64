package io.jenkins.plugins.releasepromotion.engine.signing;

import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The approvers' keys: an OpenSSH {@code allowed_signers} file, as {@code ssh-keygen -Y verify} reads it (see
 * ALLOWED SIGNERS in {@code ssh-keygen(1)}). Each line is {@code principals [options] keytype base64-key}; the
 * principals are approver names. Patterns are not accepted in principals: a principal names one approver exactly.
 * Lines marked {@code cert-authority} are skipped with a warning, since an approval must name the key that signed.
 */
public final class AllowedSigners {
    /** A file of approvers' keys is a few kilobytes; anything near this is a mistake. */
    private static final long MAX_BYTES = 1024 * 1024;

    private final String source;
    private final List<SignerLine> lines;
    private final List<String> warnings;

    private AllowedSigners(String source, List<SignerLine> lines, List<String> warnings) {
        this.source = source;
        this.lines = List.copyOf(lines);
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Reads the file.
     *
     * @throws IllegalArgumentException one line naming the file, the line and what is wrong with it
     */
    public static AllowedSigners read(Path file) {
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException(
                        file + " is larger than 1 MiB; an allowed_signers file lists a few" + " keys, one per line.");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(
                    file + " does not exist; give the path of the approvers' allowed_signers file.");
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + " is not UTF-8 text; an allowed_signers file is text.");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " cannot be read ("
                    + e.getClass().getSimpleName() + "); check that it is a file and its permissions.");
        }
        return parse(text, file.toString());
    }

    /**
     * Parses the text of an {@code allowed_signers} file.
     *
     * @throws IllegalArgumentException one line naming the source, the line and what is wrong with it
     */
    public static AllowedSigners parse(String text, String source) {
        List<SignerLine> lines = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String[] all = text.split("\r?\n", -1);
        for (int i = 0; i < all.length; i++) {
            String line = all[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = source + " line " + (i + 1);
            try {
                SignerLine parsed = SignerLine.parse(line);
                if (parsed.certAuthority()) {
                    warnings.add(where + " is a cert-authority line and was skipped; list each approver's own key.");
                } else {
                    lines.add(parsed);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage());
            }
        }
        return new AllowedSigners(source, lines, warnings);
    }

    /** The lines that list {@code key} for {@code namespace} at {@code when}, in file order. */
    public List<SignerLine> linesFor(PublicKey key, String namespace, Instant when) {
        return lines.stream()
                .filter(line -> line.key().equals(key) && line.allows(namespace, when))
                .toList();
    }

    /** The lines that list {@code key}, whatever their namespaces and validity. */
    public List<SignerLine> linesFor(PublicKey key) {
        return lines.stream().filter(line -> line.key().equals(key)).toList();
    }

    /** Lines that were skipped, each a sentence. */
    public List<String> warnings() {
        return warnings;
    }

    public int size() {
        return lines.size();
    }

    @Override
    public String toString() {
        return "allowed signers " + DisplayText.of(source) + " (" + lines.size() + " keys)";
    }
}
