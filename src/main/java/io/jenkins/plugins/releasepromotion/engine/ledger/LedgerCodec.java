package io.jenkins.plugins.releasepromotion.engine.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * One record per line: a JSON object in ASCII (other characters escaped, so a line never holds a raw newline and
 * reads the same in any encoding), null fields and empty lists left out, times as ISO-8601 UTC, enums by name, and a last member
 * {@code "crc"}: the CRC-32C, 8 lowercase hex digits, of the line's bytes with that member removed. The checksum
 * catches a line that was damaged yet still parses; a line without it (written by hand) is accepted as it is.
 *
 * <p>Before the checksum come the record's place in the chain of its environment, {@code "seq"} and {@code "prev"}
 * ({@link RecordChain}): last, so that they are written under the append lock onto a record encoded before it, and
 * far from the members that {@link CanonicalLine} looks for. Where keys are configured, the MAC members come after them
 * ({@link RecordMac}).
 */
final class LedgerCodec {
    /** The longest line written or read; anything longer is damage. */
    static final int MAX_LINE_BYTES = 1 << 20;

    private static final byte[] CRC_PREFIX = ",\"crc\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final int CRC_MEMBER = CRC_PREFIX.length + 8 + 2;
    // ,"seq":<up to 19 digits>,"prev":"<64 hex digits>"
    private static final int CHAIN_MEMBERS =
            ",\"seq\":".length() + 19 + ",\"prev\":\"".length() + 64 + 1 + RecordMac.MEMBERS;

    /**
     * Shared by every ledger, as it is immutable once built: a mapper of its own per ledger object (there is one per
     * command or build step) would look up how to read a record anew each time, most of the cost of a look-up.
     */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            // Registered later, so it reads instants before the time module does.
            .addModule(new SimpleModule("ledger-instants").addDeserializer(Instant.class, new InstantText()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .withConfigOverride(
                    Map.class, o -> o.setInclude(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, null)))
            .withConfigOverride(
                    List.class, o -> o.setInclude(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, null)))
            .build();

    private static final RecordReader READER = new RecordReader(MAPPER.getFactory());

    private final LedgerKeys keys;

    /** A codec that writes no MAC and reads every record as it is. */
    LedgerCodec() {
        this(LedgerKeys.NONE);
    }

    /** A codec that signs what it writes and reads as evidence only what one of {@code keys} signed. */
    LedgerCodec(LedgerKeys keys) {
        this.keys = keys;
    }

    /** True when records carry a MAC and are checked. */
    boolean keyed() {
        return keys.present();
    }

    /** The whole line of a record outside any chain, newline included: how a ledger before the chain wrote it. */
    byte[] encode(LedgerRecord record) {
        return withChecksum(body(record));
    }

    /** The whole line of a record at {@code link} in its environment's chain, newline included. */
    byte[] encode(LedgerRecord record, ChainLink link) {
        return line(body(record), link);
    }

    /**
     * The record as compact JSON, without its chain members and checksum.
     *
     * @throws IllegalArgumentException when its line would be longer than a line may be
     */
    byte[] body(LedgerRecord record) {
        byte[] body;
        try {
            body = MAPPER.writeValueAsBytes(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write ledger record " + record.id() + " as JSON", e);
        }
        int length = body.length + CHAIN_MEMBERS + CRC_MEMBER;
        if (length > MAX_LINE_BYTES) {
            throw new IllegalArgumentException("Ledger record " + record.id() + " is " + length
                    + " bytes long, the limit is " + MAX_LINE_BYTES + "; keep less evidence in it.");
        }
        return body;
    }

    /**
     * The whole line of a {@link #body} at {@code link}: the chain members, the MAC members when keyed, then the
     * checksum and the newline.
     */
    byte[] line(byte[] body, ChainLink link) {
        byte[] chain =
                (",\"seq\":" + link.seq() + ",\"prev\":\"" + link.prev() + "\"}").getBytes(StandardCharsets.US_ASCII);
        byte[] canonical = Arrays.copyOf(body, body.length - 1 + chain.length);
        System.arraycopy(chain, 0, canonical, body.length - 1, chain.length);
        return withChecksum(keys.present() ? RecordMac.sign(canonical, keys) : canonical);
    }

    /**
     * Why a stored line (newline excluded, checksum checked) is not evidence: {@code null} when no key is configured or
     * it carries a valid MAC of one of them.
     */
    String macProblem(byte[] line, int length) {
        return keys.present() ? RecordMac.problem(line, length, keys) : null;
    }

    /**
     * The record on a line whose checksum was checked, when it may be evidence.
     *
     * @throws UnauthenticatedRecordException when a key is configured and the line carries no valid MAC
     * @throws IllegalArgumentException naming what else is wrong with the line
     */
    LedgerRecord evidence(byte[] line, int length) {
        LedgerRecord record = parse(line, length);
        String problem = macProblem(line, length);
        if (problem != null) {
            throw new UnauthenticatedRecordException(record.id(), problem);
        }
        return record;
    }

    /**
     * Where a line's checksum member begins, so that its canonical text is {@code line[0..end) + '}'}; -1 when the line
     * carries no checksum member and is its own text. Says nothing about whether the checksum matches.
     */
    static int checksumStart(byte[] line, int length) {
        int member = length - CRC_MEMBER;
        boolean carries = member >= 1
                && startsWith(line, member, CRC_PREFIX)
                && line[length - 2] == '"'
                && line[length - 1] == '}';
        return carries ? member : -1;
    }

    private static byte[] withChecksum(byte[] canonical) {
        int length = canonical.length - 1 + CRC_MEMBER + 1;
        byte[] line = Arrays.copyOf(canonical, length);
        int at = canonical.length - 1;
        System.arraycopy(CRC_PREFIX, 0, line, at, CRC_PREFIX.length);
        at += CRC_PREFIX.length;
        byte[] hex = hex(crc(canonical, canonical.length - 1)).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(hex, 0, line, at, hex.length);
        line[at + 8] = '"';
        line[at + 9] = '}';
        line[at + 10] = '\n';
        return line;
    }

    /**
     * Checks a line's checksum (newline excluded).
     *
     * @return true when the line carries a matching checksum, and so is in the canonical form {@link #encode} writes;
     *     false when it carries none
     * @throws IllegalArgumentException when the checksum does not match
     */
    boolean verify(byte[] line, int length) {
        return checkSum(line, length);
    }

    /**
     * The record on a line, checksum not checked.
     *
     * @throws IllegalArgumentException naming what is wrong with the line
     */
    LedgerRecord parse(byte[] line, int length) {
        LedgerRecord plain = plain(line, length);
        return plain != null ? plain : bind(line, length);
    }

    /** What {@link RecordReader} reads of a line by itself, or {@code null} where it leaves the line to {@link #bind}. */
    static LedgerRecord plain(byte[] line, int length) {
        return READER.read(line, length);
    }

    /**
     * The record on a line as the data binder reads it: what {@link #parse} gives for a line that {@link RecordReader}
     * does not read itself.
     *
     * @throws IllegalArgumentException naming what is wrong with the line
     */
    static LedgerRecord bind(byte[] line, int length) {
        try {
            return MAPPER.readValue(line, 0, length, LedgerRecord.class);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(firstLine(e), e);
        }
    }

    /** The members of a line that place it in the chain; {@code seq} and {@code prev} are null before the chain. */
    record ChainMembers(String id, Long seq, String prev) {}

    /**
     * The chain members of a line in any layout.
     *
     * @throws IllegalArgumentException when the line is not a JSON object
     */
    ChainMembers chainMembers(byte[] line, int length) {
        JsonNode node;
        try {
            node = MAPPER.readTree(line, 0, length);
        } catch (IOException e) {
            throw new IllegalArgumentException(firstLine(e), e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("it is not a JSON object");
        }
        JsonNode id = node.get("id");
        JsonNode seq = node.get("seq");
        JsonNode prev = node.get("prev");
        if (prev == null) {
            return new ChainMembers(id != null && id.isTextual() ? id.asText() : null, null, null);
        }
        // A link that is not what this codec writes is kept as it reads, and then matches nothing.
        return new ChainMembers(
                id != null && id.isTextual() ? id.asText() : null,
                seq != null && seq.canConvertToLong() ? seq.asLong() : 0L,
                prev.isTextual() ? prev.asText() : prev.toString());
    }

    /** A member as {@link #encode} writes it, e.g. {@code "tag":"v1.2.3"}. */
    byte[] member(String name, String value) {
        try {
            return ("\"" + name + "\":" + MAPPER.writeValueAsString(value)).getBytes(StandardCharsets.US_ASCII);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a string as JSON", e);
        }
    }

    /**
     * True when a line is as it was written: its checksum matches, or it has none and is one JSON object. A line that
     * is intact but not a record this version understands (written by a newer one) is still intact.
     */
    boolean intact(byte[] line, int length) {
        try {
            if (!checkSum(line, length)) {
                return MAPPER.readTree(line, 0, length).isObject();
            }
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** True when the line carries a checksum and it matches; false when it carries none. */
    private static boolean checkSum(byte[] line, int length) {
        int member = checksumStart(line, length);
        if (member < 0) {
            return false;
        }
        // Compared as numbers: this runs for every line a query reads.
        long actual = crc(line, member);
        if (parseHex(line, member + CRC_PREFIX.length) != actual) {
            String stored = new String(line, member + CRC_PREFIX.length, 8, StandardCharsets.US_ASCII);
            throw new IllegalArgumentException("its checksum is " + stored + " but its content sums to " + hex(actual));
        }
        return true;
    }

    /** CRC-32C of {@code bytes[0..length)} followed by the closing brace. */
    private static long crc(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        crc.update('}');
        return crc.getValue();
    }

    private static String hex(long crc) {
        return String.format(Locale.ROOT, "%08x", crc);
    }

    /** The 8 hex digits at {@code at}, or -1 when they are not. */
    private static long parseHex(byte[] line, int at) {
        long value = 0;
        for (int i = at; i < at + 8; i++) {
            int digit = Character.digit(line[i], 16);
            if (digit < 0) {
                return -1;
            }
            value = value << 4 | digit;
        }
        return value;
    }

    private static boolean startsWith(byte[] line, int at, byte[] prefix) {
        return Arrays.equals(line, at, at + prefix.length, prefix, 0, prefix.length);
    }

    private static String firstLine(Exception e) {
        String message = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
        message = message == null ? e.getClass().getSimpleName() : message;
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
