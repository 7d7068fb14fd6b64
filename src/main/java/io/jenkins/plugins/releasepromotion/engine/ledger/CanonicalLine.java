package io.jenkins.plugins.releasepromotion.engine.ledger;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Cheap looks at a line in the canonical form (one that carries a matching checksum): compact JSON, members in record
 * order, so it starts {@code {"id":"…","kind":"…","phase":"…"}. Parsing a record costs some microseconds; these
 * looks cost a fraction, which lets a query over a long history parse only the lines that may answer it.
 *
 * <p>They may say yes to a line that does not match (the query still tests the parsed record) but never no to one
 * that does. The chain members and the checksum come last, long after {@code startedAt}, so they are never searched.
 */
final class CanonicalLine {
    static final byte[] SUCCEEDED = ascii("\"outcome\":\"SUCCEEDED\"");
    static final byte[] VERIFICATION = ascii("\"kind\":\"VERIFICATION\"");
    static final byte[] FINISHED = ascii("\"phase\":\"FINISHED\"");
    private static final byte[] STARTED_AT = ascii(",\"startedAt\":\"");
    private static final byte[] ID = ascii("{\"id\":\"");
    private static final byte[] KIND = ascii("\",\"kind\":\"");
    private static final byte[] PHASE = ascii("\",\"phase\":\"");
    private static final byte[] FINISHED_VALUE = ascii("FINISHED\"");
    private static final byte[] STARTED_VALUE = ascii("STARTED\"");

    /** The id and phase at the head of a line. */
    record Head(String id, boolean finished) {}

    private CanonicalLine() {}

    /** The slot member with the comma that always follows it, so that slot 1 never matches slot 12. */
    static byte[] slot(Integer slot) {
        return slot == null ? null : ascii("\"slot\":" + slot + ",");
    }

    /**
     * False only when the line lacks one of {@code needles}, each a member that precedes {@code startedAt} in record
     * order. The search stops there (after the comma a slot needle ends with): quotes inside values are escaped, so
     * the first {@code ,"startedAt":"} is the member itself, and the long members (evidence) after it are never
     * searched.
     */
    static boolean mayMatch(byte[] line, int length, List<byte[]> needles) {
        for (byte[] needle : needles) {
            if (!inHead(line, length, needle)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code needle} occurs before the first {@code ,"startedAt":"}, found in one pass that ends at whichever
     * comes first: the phase, near the start, is found without reading on to the start time.
     */
    private static boolean inHead(byte[] line, int length, byte[] needle) {
        // Every needle starts with a quote or comma, which are everywhere in JSON; its second byte is a better test.
        byte first = needle[0];
        byte second = needle[1];
        for (int i = 0; i + 1 < length; i++) {
            byte next = line[i + 1];
            if (next == '"' && line[i] == ',' && startsWith(line, length, i, STARTED_AT)) {
                return false;
            }
            if (next == second && line[i] == first && startsWith(line, length, i, needle)) {
                return true;
            }
        }
        return false;
    }

    /** The head of a canonical line, or {@code null} when the id holds an escape (the caller then parses). */
    static Head head(byte[] line, int length) {
        if (!startsWith(line, length, 0, ID)) {
            return null;
        }
        int idEnd = indexOf(line, length, ID.length, (byte) '"');
        if (idEnd < 0 || indexOf(line, idEnd, ID.length, (byte) '\\') >= 0 || !startsWith(line, length, idEnd, KIND)) {
            return null;
        }
        int kindEnd = indexOf(line, length, idEnd + KIND.length, (byte) '"');
        if (kindEnd < 0 || !startsWith(line, length, kindEnd, PHASE)) {
            return null;
        }
        int phase = kindEnd + PHASE.length;
        String id = new String(line, ID.length, idEnd - ID.length, StandardCharsets.US_ASCII);
        if (startsWith(line, length, phase, FINISHED_VALUE)) {
            return new Head(id, true);
        }
        return startsWith(line, length, phase, STARTED_VALUE) ? new Head(id, false) : null;
    }

    private static boolean startsWith(byte[] line, int length, int at, byte[] prefix) {
        if (at + prefix.length > length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (line[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static int indexOf(byte[] line, int length, int from, byte wanted) {
        for (int i = from; i < length; i++) {
            if (line[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
