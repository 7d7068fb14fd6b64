package io.jenkins.plugins.releasepromotion.engine.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The keyed MAC of a record ({@link LedgerKeys}): where a key is configured, the canonical text of every record written
 * ends with {@code ,"macKey":"<key id>","mac":"<HMAC-SHA256 in hex>"}, after {@code seq} and {@code prev} and before a
 * file line's checksum. The MAC covers the canonical text without its {@code mac} member (so with {@code seq},
 * {@code prev} and {@code macKey}): the record, its place in the chain and through {@code prev} every record before it.
 * The chain hash covers the canonical text with it, and the checksum the whole line before the checksum, as before.
 * Only that layout is authentic: a record whose members are moved or re-encoded no longer is.
 */
final class RecordMac {
    /** The bytes of a key id; written as twice as many hex digits. */
    static final int KEY_ID_BYTES = 8;

    private static final byte[] KEY_PREFIX = ascii(",\"macKey\":\"");
    private static final byte[] MAC_PREFIX = ascii("\",\"mac\":\"");
    private static final int MAC_HEX = 64;
    private static final int KEY_HEX = 2 * KEY_ID_BYTES;
    /** {@code ,"mac":"<64 hex>"}: what the MAC leaves out, the closing quote of {@code macKey} kept. */
    private static final int MAC_MEMBER = MAC_PREFIX.length - 1 + MAC_HEX + 1;
    /** Both members, as they end a canonical text before its closing brace. */
    static final int MEMBERS = KEY_PREFIX.length + KEY_HEX + MAC_PREFIX.length + MAC_HEX + 1;

    private RecordMac() {}

    /** A canonical text ({@code {...}}) with both members added, its MAC made with the signing key. */
    static byte[] sign(byte[] canonical, LedgerKeys keys) {
        byte[] keyMember = ascii(",\"macKey\":\"" + keys.signingId() + "\"}");
        byte[] signed = Arrays.copyOf(canonical, canonical.length - 1 + keyMember.length);
        System.arraycopy(keyMember, 0, signed, canonical.length - 1, keyMember.length);
        byte[] mac = ascii(",\"mac\":\"" + HexFormat.of().formatHex(keys.sign(signed, signed.length)) + "\"}");
        byte[] text = Arrays.copyOf(signed, signed.length - 1 + mac.length);
        System.arraycopy(mac, 0, text, signed.length - 1, mac.length);
        return text;
    }

    /**
     * Where a canonical text's MAC members begin, so that what comes before is the text that carries {@code seq} and
     * {@code prev} last; -1 when it carries none.
     *
     * @param close where the text's closing brace is (a file line's checksum member begins there)
     */
    static int start(byte[] line, int close) {
        int at = close - MEMBERS;
        if (at < 1
                || !startsWith(line, at, KEY_PREFIX)
                || !startsWith(line, at + KEY_PREFIX.length + KEY_HEX, MAC_PREFIX)
                || line[close - 1] != '"') {
            return -1;
        }
        return at;
    }

    /**
     * Why a stored line (newline excluded, checksum checked or absent) is not authentic under {@code keys}, or {@code
     * null} when it is: it carries a valid MAC of one of the keys.
     */
    static String problem(byte[] line, int length, LedgerKeys keys) {
        int crc = LedgerCodec.checksumStart(line, length);
        int close = crc >= 0 ? crc : length - 1;
        int at = close < 0 ? -1 : start(line, close);
        if (at < 0) {
            return "it carries no MAC";
        }
        String id = new String(line, at + KEY_PREFIX.length, KEY_HEX, StandardCharsets.US_ASCII);
        if (!keys.knows(id)) {
            return "its MAC was made with the key " + id + ", which is not configured";
        }
        byte[] mac;
        try {
            mac = HexFormat.of().parseHex(new String(line, close - 1 - MAC_HEX, MAC_HEX, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            return "its MAC is not hex";
        }
        int signedEnd = close - MAC_MEMBER;
        byte[] signed = Arrays.copyOf(line, signedEnd + 1);
        signed[signedEnd] = '}';
        return keys.verify(id, signed, signed.length, mac) ? null : "its MAC does not match";
    }

    private static boolean startsWith(byte[] line, int at, byte[] prefix) {
        return Arrays.equals(line, at, at + prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
