package io.jenkins.plugins.releasepromotion.engine.ledger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a record from a line in the form the ledger writes it, member by member through Jackson's streaming parser:
 * a reader of a million records spends most of its time binding them, and a cold process most of that in the layers of
 * the data binder. It knows only that form: each member once, of the type written, enums by name, instants as
 * {@link Instant#toString} writes them, unknown members (the chain, the MAC, the checksum, and those of a later version)
 * passed over. Anything else makes it answer {@code null}, and the caller then reads the line through the data binder,
 * which gives the same record or names what is wrong. So the result is always the data binder's own.
 */
final class RecordReader {
    private static final RecordKind[] KINDS = RecordKind.values();
    private static final Phase[] PHASES = Phase.values();
    private static final Outcome[] OUTCOMES = Outcome.values();

    private final JsonFactory factory;

    RecordReader(JsonFactory factory) {
        this.factory = factory;
    }

    /** The record on {@code line[0..length)}, or {@code null} when the line is not plainly in the ledger's form. */
    LedgerRecord read(byte[] line, int length) {
        try (JsonParser parser = factory.createParser(line, 0, length)) {
            return parser.nextToken() == JsonToken.START_OBJECT ? new Members().read(parser) : null;
        } catch (IOException | RuntimeException e) {
            // Malformed JSON, or a record its constructor refuses: the data binder says which, in its own words.
            return null;
        }
    }

    /** The members of one record as they are read; each may be given once. */
    private static final class Members {
        private static final Object NOT_PLAIN = new Object();

        private final Object[] values = new Object[Member.values().length];
        private final boolean[] given = new boolean[values.length];

        LedgerRecord read(JsonParser parser) throws IOException {
            for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                JsonToken token = parser.nextToken();
                Member member = Member.of(name);
                if (member == null) {
                    parser.skipChildren();
                    continue;
                }
                Object value = token == JsonToken.VALUE_NULL ? null : member.read(parser, token);
                if (value == NOT_PLAIN || given[member.ordinal()]) {
                    return null;
                }
                given[member.ordinal()] = true;
                values[member.ordinal()] = value;
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                return null;
            }
            return record();
        }

        @SuppressWarnings("unchecked")
        private LedgerRecord record() {
            return new LedgerRecord(
                    (String) values[Member.ID.ordinal()],
                    (RecordKind) values[Member.KIND.ordinal()],
                    (Phase) values[Member.PHASE.ordinal()],
                    (String) values[Member.ENVIRONMENT.ordinal()],
                    (Integer) values[Member.SLOT.ordinal()],
                    (String) values[Member.TAG.ordinal()],
                    (String) values[Member.COMMIT.ordinal()],
                    (Outcome) values[Member.OUTCOME.ordinal()],
                    (Instant) values[Member.STARTED_AT.ordinal()],
                    (Instant) values[Member.FINISHED_AT.ordinal()],
                    (String) values[Member.ACTOR.ordinal()],
                    (String) values[Member.APPROVER.ordinal()],
                    (List<LedgerRecord.Approver>) values[Member.APPROVERS.ordinal()],
                    (String) values[Member.BREAK_GLASS_REASON.ordinal()],
                    (String) values[Member.BUILD_URL.ordinal()],
                    (String) values[Member.REASON.ordinal()],
                    (String) values[Member.PREVIOUS_TAG.ordinal()],
                    (String) values[Member.PREVIOUS_COMMIT.ordinal()],
                    (Map<String, String>) values[Member.EVIDENCE.ordinal()]);
        }

        private static Object text(JsonParser parser, JsonToken token) throws IOException {
            return token == JsonToken.VALUE_STRING ? parser.getText() : NOT_PLAIN;
        }

        private static Object named(Enum<?>[] constants, JsonParser parser, JsonToken token) throws IOException {
            if (token != JsonToken.VALUE_STRING) {
                return NOT_PLAIN;
            }
            String name = parser.getText();
            for (Enum<?> constant : constants) {
                if (constant.name().equals(name)) {
                    return constant;
                }
            }
            return NOT_PLAIN;
        }

        private static Object slot(JsonParser parser, JsonToken token) throws IOException {
            return token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT
                    ? (Object) parser.getIntValue()
                    : NOT_PLAIN;
        }

        private static Object instant(JsonParser parser, JsonToken token) throws IOException {
            Instant instant = token == JsonToken.VALUE_STRING ? InstantText.quick(parser.getText()) : null;
            return instant == null ? NOT_PLAIN : instant;
        }

        private static Object approvers(JsonParser parser, JsonToken token) throws IOException {
            if (token != JsonToken.START_ARRAY) {
                return NOT_PLAIN;
            }
            List<LedgerRecord.Approver> approvers = new ArrayList<>();
            for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY; element = parser.nextToken()) {
                if (element != JsonToken.START_OBJECT) {
                    return NOT_PLAIN;
                }
                String name = null;
                String proof = null;
                boolean namedOnce = false;
                boolean provenOnce = false;
                for (String member = parser.nextFieldName(); member != null; member = parser.nextFieldName()) {
                    JsonToken value = parser.nextToken();
                    if (!member.equals("name") && !member.equals("proof")) {
                        parser.skipChildren();
                        continue;
                    }
                    boolean isName = member.equals("name");
                    if ((isName ? namedOnce : provenOnce)
                            || (value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NULL)) {
                        return NOT_PLAIN;
                    }
                    String text = value == JsonToken.VALUE_NULL ? null : parser.getText();
                    if (isName) {
                        name = text;
                        namedOnce = true;
                    } else {
                        proof = text;
                        provenOnce = true;
                    }
                }
                approvers.add(new LedgerRecord.Approver(name, proof));
            }
            return approvers;
        }

        private static Object evidence(JsonParser parser, JsonToken token) throws IOException {
            if (token != JsonToken.START_OBJECT) {
                return NOT_PLAIN;
            }
            Map<String, String> evidence = new LinkedHashMap<>();
            for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
                if (parser.nextToken() != JsonToken.VALUE_STRING || evidence.containsKey(key)) {
                    return NOT_PLAIN;
                }
                evidence.put(key, parser.getText());
            }
            return evidence;
        }
    }

    /** The members of a record, by the names the ledger writes. */
    private enum Member {
        ID("id"),
        KIND("kind"),
        PHASE("phase"),
        ENVIRONMENT("environment"),
        SLOT("slot"),
        TAG("tag"),
        COMMIT("commit"),
        OUTCOME("outcome"),
        STARTED_AT("startedAt"),
        FINISHED_AT("finishedAt"),
        ACTOR("actor"),
        APPROVER("approver"),
        APPROVERS("approvers"),
        BREAK_GLASS_REASON("breakGlassReason"),
        BUILD_URL("buildUrl"),
        REASON("reason"),
        PREVIOUS_TAG("previousTag"),
        PREVIOUS_COMMIT("previousCommit"),
        EVIDENCE("evidence");

        private static final Map<String, Member> BY_NAME = new HashMap<>();

        static {
            for (Member member : values()) {
                BY_NAME.put(member.json, member);
            }
        }

        private final String json;

        Member(String json) {
            this.json = json;
        }

        static Member of(String name) {
            return BY_NAME.get(name);
        }

        Object read(JsonParser parser, JsonToken token) throws IOException {
            return switch (this) {
                case KIND -> Members.named(KINDS, parser, token);
                case PHASE -> Members.named(PHASES, parser, token);
                case OUTCOME -> Members.named(OUTCOMES, parser, token);
                case SLOT -> Members.slot(parser, token);
                case STARTED_AT, FINISHED_AT -> Members.instant(parser, token);
                case APPROVERS -> Members.approvers(parser, token);
                case EVIDENCE -> Members.evidence(parser, token);
                default -> Members.text(parser, token);
            };
        }
    }
}
