package io.jenkins.plugins.releasepromotion.engine.ledger;

import java.nio.charset.StandardCharsets;

/**
 * A record as the canonical one-line JSON text the file ledger writes (checksum included, no newline), for a ledger
 * that keeps records somewhere other than a file. The text is stored as it is, so a member added by a newer version
 * travels with it.
 */
public final class LedgerText {
    private static final LedgerCodec CODEC = new LedgerCodec();

    private LedgerText() {}

    /**
     * The canonical text of a record.
     *
     * @throws IllegalArgumentException when the record is too long to store
     */
    public static String of(LedgerRecord record) {
        byte[] line = CODEC.encode(record);
        return new String(line, 0, line.length - 1, StandardCharsets.US_ASCII);
    }

    /**
     * The canonical text of a record at {@code link} in its environment's chain, checksum included: the line a file
     * ledger would write, without its newline.
     *
     * @throws IllegalArgumentException when the record is too long to store
     */
    public static String of(LedgerRecord record, ChainLink link) {
        byte[] line = CODEC.encode(record, link);
        return new String(line, 0, line.length - 1, StandardCharsets.US_ASCII);
    }

    /**
     * As {@link #of(LedgerRecord, ChainLink)}, with a MAC made with the signing key of {@code keys} when there is one.
     */
    public static String of(LedgerRecord record, ChainLink link, LedgerKeys keys) {
        byte[] line = (keys.present() ? new LedgerCodec(keys) : CODEC).encode(record, link);
        return new String(line, 0, line.length - 1, StandardCharsets.US_ASCII);
    }

    /**
     * The record a canonical text holds when it may be evidence: its checksum checked when it carries one, and its MAC
     * when {@code keys} has any.
     *
     * @throws UnauthenticatedRecordException when a key is configured and the text carries no valid MAC
     * @throws IllegalArgumentException naming what else is wrong with the text
     */
    public static LedgerRecord evidence(String text, LedgerKeys keys) {
        byte[] line = text.getBytes(StandardCharsets.UTF_8);
        LedgerCodec codec = keys.present() ? new LedgerCodec(keys) : CODEC;
        codec.verify(line, line.length);
        return codec.evidence(line, line.length);
    }

    /**
     * The record a canonical text holds, its checksum checked when it carries one.
     *
     * @throws IllegalArgumentException naming what is wrong with the text
     */
    public static LedgerRecord read(String text) {
        byte[] line = text.getBytes(StandardCharsets.UTF_8);
        CODEC.verify(line, line.length);
        return CODEC.parse(line, line.length);
    }
}
