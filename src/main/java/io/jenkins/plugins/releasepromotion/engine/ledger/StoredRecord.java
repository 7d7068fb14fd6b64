package io.jenkins.plugins.releasepromotion.engine.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What the chain needs of one stored record: its position (the line of a file, counted from 1), its id, its
 * {@code seq} and {@code prev} ({@code null} for a record written before the chain began), the hash of its canonical
 * text, why it is damaged, if it is (its checksum fails; it then has no hash), and why it is not authentic, where a
 * ledger key is configured and it carries no valid MAC ({@code null} when it is, or no key is configured).
 */
record StoredRecord(long position, String id, Long seq, String prev, String hash, String damage, String macProblem) {
    private static final byte[] PREV = ",\"prev\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEQ = ",\"seq\":".getBytes(StandardCharsets.US_ASCII);
    private static final int HASH_CHARS = 64;

    boolean chained() {
        return prev != null;
    }

    /** The link of the record that follows this one. */
    ChainLink next() {
        return new ChainLink(seq == null ? 1 : seq + 1, hash);
    }

    /**
     * The stored record on a line (newline excluded) or in a stored text.
     *
     * @param sha256 a digest to reuse, reset before use
     */
    static StoredRecord of(long position, byte[] line, int length, LedgerCodec codec, MessageDigest sha256) {
        try {
            if (!codec.verify(line, length)) {
                return fromTree(position, line, length, codec, hash(line, length, length, sha256));
            }
        } catch (IllegalArgumentException damaged) {
            return damaged(position, idOf(line, length, codec), damaged.getMessage());
        }
        int end = LedgerCodec.checksumStart(line, length);
        String hash = hash(line, end, length, sha256);
        // Written by this codec: the chain members, when there, are last but for a MAC, and read without parsing.
        int mac = RecordMac.start(line, end);
        int close = mac < 0 ? end : mac;
        int prevAt = close - 1 - HASH_CHARS - PREV.length;
        if (prevAt < 1 || line[close - 1] != '"' || !at(line, prevAt, PREV)) {
            return fromTree(position, line, length, codec, hash);
        }
        int digits = prevAt;
        while (digits > 0 && prevAt - digits < 19 && line[digits - 1] >= '0' && line[digits - 1] <= '9') {
            digits--;
        }
        if (digits == prevAt || !at(line, digits - SEQ.length, SEQ)) {
            return fromTree(position, line, length, codec, hash);
        }
        long seq = Long.parseLong(new String(line, digits, prevAt - digits, StandardCharsets.US_ASCII));
        String prev = new String(line, prevAt + PREV.length, HASH_CHARS, StandardCharsets.US_ASCII);
        return new StoredRecord(
                position, idOf(line, length, codec), seq, prev, hash, null, codec.macProblem(line, length));
    }

    /** A record whose checksum fails, or that cannot be read at all. */
    static StoredRecord damaged(long position, String id, String damage) {
        return new StoredRecord(position, id, null, null, null, damage, null);
    }

    /** A line in any layout (written by hand, or by a version with members this one does not know). */
    private static StoredRecord fromTree(long position, byte[] line, int length, LedgerCodec codec, String hash) {
        try {
            LedgerCodec.ChainMembers members = codec.chainMembers(line, length);
            return new StoredRecord(
                    position, members.id(), members.seq(), members.prev(), hash, null, codec.macProblem(line, length));
        } catch (IllegalArgumentException e) {
            return damaged(position, null, e.getMessage());
        }
    }

    private static String idOf(byte[] line, int length, LedgerCodec codec) {
        CanonicalLine.Head head = CanonicalLine.head(line, length);
        if (head != null) {
            return head.id();
        }
        try {
            return codec.chainMembers(line, length).id();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** SHA-256 of the canonical text: {@code line[0..end)}, closed by a brace when a checksum member was cut off. */
    private static String hash(byte[] line, int end, int length, MessageDigest sha256) {
        sha256.reset();
        sha256.update(line, 0, end);
        if (end < length) {
            sha256.update((byte) '}');
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    private static boolean at(byte[] line, int from, byte[] expected) {
        if (from < 0) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (line[from + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
