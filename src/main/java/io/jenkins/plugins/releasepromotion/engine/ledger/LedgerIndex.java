package io.jenkins.plugins.releasepromotion.engine.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the finished verifications of a ledger file are, so that "the attestations of this tag and commit" and "the
 * verifications of this tag" read a few lines whatever the length of the history. Beside {@code <environment>.jsonl}
 * in {@code <environment>.index/}: {@value #BUCKETS} bucket files of {@code <key hash> <offset>} lines, and
 * {@code covered}, how many bytes of the ledger the buckets describe.
 *
 * <p>The index is advice, never evidence: every offset it gives is read back from the ledger and checked (checksum,
 * kind, tag, commit) before a record is believed, and what lies beyond {@code covered} is read from the ledger itself.
 * It is written only under the ledger's write lock, after the record is on disk; a crash leaves it behind the ledger,
 * never ahead, and the next append catches it up. A ledger shorter than {@code covered} (set aside after a crash)
 * makes it start over.
 */
final class LedgerIndex {
    static final int BUCKETS = 1024;
    private static final List<byte[]> NEEDLES = List.of(
            "\"kind\":\"VERIFICATION\"".getBytes(StandardCharsets.US_ASCII),
            "\"phase\":\"FINISHED\"".getBytes(StandardCharsets.US_ASCII));
    private static final int READ_CHUNK = 1 << 12;
    private static final int SCAN_CHUNK = 1 << 20;

    /** A complete line (newline excluded) and where it starts in the file. */
    @FunctionalInterface
    interface LineAction {
        void accept(byte[] line, int length, long offset);
    }

    private final Path dir;
    private final LedgerCodec codec;

    /** @param dir {@code <environment>.index} beside the ledger file */
    LedgerIndex(Path dir, LedgerCodec codec) {
        this.dir = dir;
        this.codec = codec;
    }

    Path directory() {
        return dir;
    }

    /** The key of the passing verifications of a tag and commit. */
    static String attestation(String tag, String commit) {
        return "attestation\u0000" + tag + "\u0000" + commit;
    }

    /** The key of every finished verification of a tag. */
    static String verifications(String tag) {
        return "verifications\u0000" + tag;
    }

    /** How many bytes of the ledger the index describes; 0 when there is none. */
    long covered() {
        try {
            return Long.parseLong(PrivateFiles.read(dir.resolve("covered")).strip());
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    /** The offsets the index holds for {@code key}, oldest first; candidates only, to be checked by the reader. */
    List<Long> offsets(String key) {
        String hash = hash(key);
        List<Long> offsets = new ArrayList<>();
        try {
            String text = PrivateFiles.read(bucket(hash));
            // Only whole lines: the last one may still be being written by an append in another process.
            String whole = text.substring(0, text.lastIndexOf('\n') + 1);
            for (String line : whole.split("\n")) {
                int space = line.indexOf(' ');
                if (space > 0 && line.startsWith(hash) && space == hash.length()) {
                    try {
                        offsets.add(Long.parseLong(line.substring(space + 1)));
                    } catch (NumberFormatException e) {
                        // A line cut short by a crash: the reader finds the record in the ledger's tail instead.
                    }
                }
            }
        } catch (NoSuchFileException e) {
            return offsets;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the ledger index " + dir + ": " + e.getMessage(), e);
        }
        return offsets;
    }

    /**
     * Brings the index up to {@code end}, the ledger's length; called under the ledger's write lock with its channel.
     * Reads only what the index does not cover yet: the record just written, or the whole file the first time.
     */
    void catchUp(FileChannel channel, long end) throws IOException {
        long from = covered();
        if (from > end) {
            deleteBuckets();
            from = 0;
        }
        if (from == end) {
            return;
        }
        PrivateFiles.subfolder(dir);
        Map<Path, StringBuilder> additions = new LinkedHashMap<>();
        long[] last = {from};
        forEachLine(channel, from, end, (line, length, offset) -> {
            last[0] = offset + length + 1;
            LedgerRecord record = indexable(line, length);
            if (record != null) {
                add(additions, verifications(record.tag()), offset);
                if (record.isSucceeded()) {
                    add(additions, attestation(record.tag(), record.commit()), offset);
                }
            }
        });
        for (Map.Entry<Path, StringBuilder> bucket : additions.entrySet()) {
            try (FileChannel out = PrivateFiles.open(
                    bucket.getKey(), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                writeFully(out, bucket.getValue().toString());
            }
        }
        Path temporary = PrivateFiles.temporary(dir, "covered-");
        try (FileChannel out = PrivateFiles.open(temporary, StandardOpenOption.WRITE)) {
            writeFully(out, Long.toString(last[0]));
        }
        Files.move(
                temporary, dir.resolve("covered"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void writeFully(FileChannel out, String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
        while (bytes.hasRemaining()) {
            out.write(bytes);
        }
    }

    /** Every complete line between {@code from} and {@code end}; a line longer than a record may be is skipped. */
    static void forEachLine(FileChannel channel, long from, long end, LineAction action) throws IOException {
        if (from >= end) {
            return;
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(SCAN_CHUNK, end - from));
        byte[] pending = new byte[0];
        long pendingStart = from;
        long at = from;
        while (at < end) {
            buffer.clear();
            buffer.limit((int) Math.min(buffer.capacity(), end - at));
            int read = channel.read(buffer, at);
            if (read <= 0) {
                return;
            }
            byte[] chunk = buffer.array();
            int lineStart = 0;
            for (int i = 0; i < read; i++) {
                if (chunk[i] != '\n') {
                    continue;
                }
                if (pending.length == 0) {
                    action.accept(Arrays.copyOfRange(chunk, lineStart, i), i - lineStart, at + lineStart);
                } else {
                    byte[] whole = Arrays.copyOf(pending, pending.length + i);
                    System.arraycopy(chunk, 0, whole, pending.length, i);
                    action.accept(whole, whole.length, pendingStart);
                    pending = new byte[0];
                }
                lineStart = i + 1;
            }
            if (lineStart < read) {
                if (pending.length == 0) {
                    pendingStart = at + lineStart;
                }
                int tail = read - lineStart;
                pending = pending.length + tail > LedgerCodec.MAX_LINE_BYTES
                        ? new byte[0]
                        : concat(pending, chunk, lineStart, tail);
            }
            at += read;
        }
    }

    private static byte[] concat(byte[] head, byte[] chunk, int from, int length) {
        byte[] out = Arrays.copyOf(head, head.length + length);
        System.arraycopy(chunk, from, out, head.length, length);
        return out;
    }

    /**
     * The record on the line at {@code offset}; {@code null} when there is no intact line there (an index line that no
     * longer matches the ledger is ignored, never believed).
     */
    LedgerRecord recordAt(FileChannel channel, long offset) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(READ_CHUNK);
        byte[] line = new byte[0];
        long at = offset;
        while (line.length < LedgerCodec.MAX_LINE_BYTES) {
            buffer.clear();
            int read = channel.read(buffer, at);
            if (read <= 0) {
                return null;
            }
            byte[] chunk = buffer.array();
            for (int i = 0; i < read; i++) {
                if (chunk[i] == '\n') {
                    byte[] whole = new byte[line.length + i];
                    System.arraycopy(line, 0, whole, 0, line.length);
                    System.arraycopy(chunk, 0, whole, line.length, i);
                    return parse(whole);
                }
            }
            byte[] longer = new byte[line.length + read];
            System.arraycopy(line, 0, longer, 0, line.length);
            System.arraycopy(chunk, 0, longer, line.length, read);
            line = longer;
            at += read;
        }
        return null;
    }

    /**
     * The record of an intact line, or {@code null} for a damaged one.
     *
     * @throws UnauthenticatedRecordException when a key is configured and the line carries no valid MAC
     */
    LedgerRecord parse(byte[] line) {
        try {
            codec.verify(line, line.length);
            return codec.evidence(line, line.length);
        } catch (UnauthenticatedRecordException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The finished verification on a line; {@code null} for any other record or a damaged line.
     *
     * @throws UnauthenticatedRecordException when a key is configured and the line carries no valid MAC
     */
    LedgerRecord verification(byte[] line, int length) {
        try {
            if (codec.verify(line, length) && !CanonicalLine.mayMatch(line, length, NEEDLES)) {
                return null;
            }
            LedgerRecord record = codec.evidence(line, length);
            return record.kind() == RecordKind.VERIFICATION && record.isFinished() ? record : null;
        } catch (UnauthenticatedRecordException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * What {@link #verification} finds, a record without a valid MAC included: the index is advice for any reader, and
     * one with a key checks the MAC of every line the index names.
     */
    private LedgerRecord indexable(byte[] line, int length) {
        try {
            return verification(line, length);
        } catch (UnauthenticatedRecordException e) {
            LedgerRecord record = codec.parse(line, length);
            return record.kind() == RecordKind.VERIFICATION && record.isFinished() ? record : null;
        }
    }

    private void add(Map<Path, StringBuilder> additions, String key, long offset) {
        String hash = hash(key);
        additions
                .computeIfAbsent(bucket(hash), b -> new StringBuilder())
                .append(hash)
                .append(' ')
                .append(offset)
                .append('\n');
    }

    private Path bucket(String hash) {
        int number = Integer.parseInt(hash.substring(0, 4), 16) % BUCKETS;
        return dir.resolve(String.format("bucket-%04d", number));
    }

    private void deleteBuckets() throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        PrivateFiles.subfolder(dir);
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
