package io.jenkins.plugins.releasepromotion.engine.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * The chain that makes a ledger tamper-evident, for any ledger. Each record stored in an environment carries
 * {@code seq}, its number in the chain, and {@code prev}, the SHA-256 (64 lowercase hex digits) of the canonical text
 * of the record stored before it, or {@link #GENESIS} for the first. A changed, removed, inserted or reordered record
 * then no longer fits the links around it.
 *
 * <p>The canonical text is the record as {@link #canonical} writes it: compact JSON in ASCII, members in record order,
 * {@code seq} and {@code prev} last. A ledger stores that text byte for byte (not a re-encoding, nor a JSON type that
 * reorders members) and hashes what it stored, so that a record written by another version still hashes the same. A
 * file ledger's line is that text with a checksum member before the closing brace, which the hash leaves out. Records
 * stored before the chain existed carry no link; the chain then begins at the first record that does, linked to the
 * last one before it.
 *
 * <p>A ledger links a record while it holds whatever serializes the appends of its environment, to the record stored
 * last, and only when the record is stored: an append that stores nothing (a duplicate it skips) takes no place in the
 * chain.
 */
public final class RecordChain {
    /** The {@code prev} of the first record of an environment. */
    public static final String GENESIS = "0".repeat(64);

    private static final LedgerCodec CODEC = new LedgerCodec();

    private RecordChain() {}

    /** The canonical text of {@code record} stored at {@code link}: what a ledger stores and later hashes. */
    public static String canonical(LedgerRecord record, ChainLink link) {
        byte[] line = CODEC.encode(record, Objects.requireNonNull(link, "link"));
        int end = LedgerCodec.checksumStart(line, line.length - 1);
        return new String(line, 0, end, StandardCharsets.US_ASCII) + "}";
    }

    /**
     * The stored text of a line of a JSON Lines ledger (newline excluded): the line without its checksum member, which
     * hashes as the line does. A copy that stores this text keeps the line's place in the chain.
     */
    public static String textOfLine(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        int end = LedgerCodec.checksumStart(bytes, bytes.length);
        return end < 0 ? line : new String(bytes, 0, end, StandardCharsets.UTF_8) + "}";
    }

    /** The SHA-256, in hex, of a stored record's canonical text: the {@code prev} of the record after it. */
    public static String hash(String storedText) {
        return stored(storedText).hash();
    }

    /**
     * The link of the record to store after {@code storedText}, the record stored last in its environment; {@code
     * null} for an environment with nothing stored yet.
     */
    public static ChainLink after(String storedText) {
        return storedText == null ? ChainLink.FIRST : stored(storedText).next();
    }

    /**
     * Checks the chain of an environment from its stored texts, oldest first, as {@link Ledger#verify} reports;
     * positions count the texts from 1. The texts are iterated once, and once more after a break to tell what happened
     * there, so a ledger with many records hands an {@link Iterable} that reads them anew on each iteration.
     */
    public static ChainReport verify(String environment, Iterable<String> storedTexts) {
        return verify(environment, storedTexts, LedgerKeys.NONE);
    }

    /** As {@link #verify(String, Iterable)}, and counts the records without a valid MAC of one of {@code keys}. */
    public static ChainReport verify(String environment, Iterable<String> storedTexts, LedgerKeys keys) {
        LedgerCodec codec = keys.present() ? new LedgerCodec(keys) : CODEC;
        ChainWalk walk = new ChainWalk(environment, "record");
        try {
            return walk.walk(action -> {
                MessageDigest sha256 = StoredRecord.sha256();
                long position = 0;
                for (String text : storedTexts) {
                    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                    if (!action.test(StoredRecord.of(++position, bytes, bytes.length, codec, sha256))) {
                        return;
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StoredRecord stored(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StoredRecord stored = StoredRecord.of(1, bytes, bytes.length, CODEC, StoredRecord.sha256());
        if (stored.damage() != null) {
            throw new IllegalArgumentException("A stored ledger record is damaged (" + stored.damage() + ").");
        }
        return stored;
    }
}
