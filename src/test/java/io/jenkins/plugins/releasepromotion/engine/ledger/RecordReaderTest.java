package io.jenkins.plugins.releasepromotion.engine.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The ledger's own reader of its lines gives exactly what the data binder gives: the same record for every line the
 * ledger writes, and for anything else it steps aside, so the data binder's record or refusal stands.
 */
class RecordReaderTest {
    private static final String LINE = "{\"id\":\"r-1\",\"kind\":\"DEPLOYMENT\",\"phase\":\"FINISHED\","
            + "\"environment\":\"production\",\"slot\":2,\"tag\":\"v1.2.3\",\"commit\":\"abc1234\","
            + "\"outcome\":\"SUCCEEDED\",\"startedAt\":\"2026-11-30T12:00:00Z\",\"finishedAt\":\"2026-11-30T12:01:00Z\","
            + "\"actor\":\"ci\",\"approvers\":[{\"name\":\"alice\",\"proof\":\"input\"}],"
            + "\"evidence\":{\"summary\":\"ok\"}}";

    @Property(tries = 400)
    void readsEveryLineTheLedgerWritesAsTheDataBinderDoes(
            @ForAll("records") LedgerRecord record, @ForAll("layouts") int layout) {
        byte[] line = encode(record, layout);

        LedgerRecord plain = LedgerCodec.plain(line, line.length);

        assertThat(plain).isNotNull().isEqualTo(record).isEqualTo(LedgerCodec.bind(line, line.length));
        assertThat(plain.evidence().keySet())
                .containsExactlyElementsOf(record.evidence().keySet());
    }

    @Test
    void readsTheMembersOfALaterVersionByPassingOverThem() {
        String later = LINE.replace(
                "\"actor\":\"ci\"",
                "\"actor\":\"ci\",\"future\":{\"a\":[1,{\"b\":null}],\"c\":\"d\"},\"more\":[[]],\"flag\":true");
        String laterApprover = LINE.replace("\"proof\":\"input\"", "\"proof\":\"input\",\"at\":{\"x\":1}");

        for (String line : List.of(LINE, later, laterApprover)) {
            assertThat(plain(line)).as(line).isNotNull().isEqualTo(bound(line));
        }
    }

    @Test
    void readsNullMembersAsAbsentOnes() {
        String line = LINE.replace("\"slot\":2", "\"slot\":null")
                .replace("\"approvers\":[{\"name\":\"alice\",\"proof\":\"input\"}]", "\"approvers\":null")
                .replace("\"evidence\":{\"summary\":\"ok\"}", "\"evidence\":null")
                .replace("\"tag\":\"v1.2.3\"", "\"tag\":null");

        LedgerRecord record = plain(line);

        assertThat(record).isNotNull().isEqualTo(bound(line));
        assertThat(record.slot()).isNull();
        assertThat(record.approvers()).isEmpty();
    }

    @Test
    void stepsAsideForAnythingElseAndTheDataBinderHasTheLastWord() {
        List<String> others = List.of(
                // Types the data binder may coerce, or refuses in its own words.
                LINE.replace("\"slot\":2", "\"slot\":\"2\""),
                LINE.replace("\"slot\":2", "\"slot\":2.0"),
                LINE.replace("\"slot\":2", "\"slot\":3000000000"),
                LINE.replace("\"actor\":\"ci\"", "\"actor\":7"),
                LINE.replace("\"actor\":\"ci\"", "\"actor\":{\"name\":\"ci\"}"),
                LINE.replace("\"kind\":\"DEPLOYMENT\"", "\"kind\":\"0\""),
                LINE.replace("\"kind\":\"DEPLOYMENT\"", "\"kind\":\"deployment\""),
                LINE.replace("\"kind\":\"DEPLOYMENT\"", "\"kind\":\"NOPE\""),
                LINE.replace("\"kind\":\"DEPLOYMENT\"", "\"kind\":1"),
                LINE.replace("2026-11-30T12:00:00Z", "2026-11-30T13:00:00+01:00"),
                LINE.replace("\"2026-11-30T12:00:00Z\"", "1764504000"),
                LINE.replace("2026-11-30T12:00:00Z", "2026-02-30T00:00:00Z"),
                LINE.replace("{\"summary\":\"ok\"}", "{\"summary\":null}"),
                LINE.replace("{\"summary\":\"ok\"}", "{\"summary\":1}"),
                LINE.replace("{\"summary\":\"ok\"}", "{\"summary\":\"a\",\"summary\":\"b\"}"),
                LINE.replace("{\"summary\":\"ok\"}", "[]"),
                LINE.replace("[{\"name\":\"alice\",\"proof\":\"input\"}]", "[null]"),
                LINE.replace("[{\"name\":\"alice\",\"proof\":\"input\"}]", "[\"alice\"]"),
                LINE.replace("[{\"name\":\"alice\",\"proof\":\"input\"}]", "{\"name\":\"alice\"}"),
                LINE.replace("\"proof\":\"input\"", "\"proof\":\"input\",\"name\":\"bob\""),
                LINE.replace("\"proof\":\"input\"", "\"proof\":3"),
                // A member given twice, trailing tokens, and lines that are no object.
                LINE.replace("\"actor\":\"ci\"", "\"actor\":\"ci\",\"actor\":\"mallory\""),
                LINE.replace("\"slot\":2", "\"slot\":2,\"slot\":null"),
                LINE + " {}",
                LINE + "x",
                LINE.substring(0, LINE.length() - 1),
                "[" + LINE + "]",
                "\"text\"",
                "",
                // Records their constructor refuses.
                LINE.replace("\"phase\":\"FINISHED\"", "\"phase\":\"STARTED\""),
                LINE.replace("\"slot\":2", "\"slot\":0"),
                LINE.replace("\"id\":\"r-1\",", ""),
                LINE.replace("\"name\":\"alice\"", "\"name\":\" \""));

        for (String line : others) {
            assertThat(plain(line)).as(line).isNull();
            assertThat(parsed(line)).as(line).isEqualTo(boundOrRefusal(line));
        }
        assertThat(parsed(LINE.replace("\"slot\":2", "\"slot\":\"2\""))).isEqualTo(bound(LINE));
        assertThat(parsed(LINE.replace("\"slot\":2", "\"slot\":0")))
                .asString()
                .contains("Slot 0 of production is not a slot");
    }

    @Test
    void halfASurrogatePairReadsBackAsItWasKept() {
        // Jackson writes it as an escape, and refuses that escape in a member's name ("Broken surrogate pair"): a key
        // keeps U+FFFD in its place, so that the record reads back. A value keeps it as it is.
        String lone = "\ud800";
        LedgerRecord record = LedgerRecord.started(
                        RecordKind.DEPLOYMENT, "production", null, null, null, null, Instant.EPOCH)
                .withEvidence(Map.of("a" + lone + "b", "x" + lone, "\ud83d\ude00" + lone, "pair"));

        assertThat(record.evidence())
                .containsOnlyKeys("a\ufffdb", "\ud83d\ude00\ufffd")
                .containsEntry("a\ufffdb", "x" + lone);
        byte[] line = encode(record, 0);
        assertThat(parsed(line)).isEqualTo(boundOrRefusal(line)).isEqualTo(record);
    }

    @Property(tries = 300)
    void aDamagedLineReadsAsTheDataBinderReadsIt(
            @ForAll("records") LedgerRecord record, @ForAll("damage") int[] damage) {
        byte[] line = encode(record, 0);
        int at = Math.floorMod(damage[0], line.length);
        byte[] damaged =
                switch (Math.floorMod(damage[1], 3)) {
                    case 0 -> cut(line, at);
                    case 1 -> replace(line, at, (byte) damage[2]);
                    default -> insert(line, at, (byte) damage[2]);
                };
        String text = new String(damaged, StandardCharsets.ISO_8859_1);

        assertThat(parsed(damaged)).as(text).isEqualTo(boundOrRefusal(damaged));
    }

    @Provide
    Arbitrary<Integer> layouts() {
        return Arbitraries.integers().between(0, 2);
    }

    @Provide
    Arbitrary<int[]> damage() {
        return Arbitraries.integers().array(int[].class).ofSize(3);
    }

    @Provide
    Arbitrary<LedgerRecord> records() {
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.strings().ofMinLength(1).ofMaxLength(12),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(12),
                Arbitraries.of("v1.2.3", "production", "a\"b\\c", "line\nbreak", "<script>", "ü€😀"));
        Arbitrary<String> optional = text.injectNull(0.3);
        Arbitrary<Instant> instants = Arbitraries.longs()
                .between(0, 4_102_444_800_000L)
                .flatMap(ms -> Arbitraries.of(Instant.ofEpochMilli(ms), Instant.ofEpochSecond(ms / 1000, ms % 997)));
        Arbitrary<List<LedgerRecord.Approver>> approvers = Combinators.combine(text.filter(s -> !s.isBlank()), optional)
                .as(LedgerRecord.Approver::new)
                .list()
                .ofMaxSize(3);
        Arbitrary<Map<String, String>> evidence =
                Arbitraries.maps(text, text).ofMaxSize(4).map(LinkedHashMap::new);
        Arbitrary<Object[]> head = Combinators.combine(
                        text.filter(s -> !s.isBlank()),
                        Arbitraries.of(RecordKind.class),
                        Arbitraries.of(Phase.class),
                        text.filter(s -> !s.isBlank()),
                        Arbitraries.integers().between(1, 1_000).injectNull(0.4),
                        Arbitraries.of(Outcome.class),
                        instants,
                        instants)
                .as((id, kind, phase, environment, slot, outcome, startedAt, finishedAt) ->
                        new Object[] {id, kind, phase, environment, slot, outcome, startedAt, finishedAt});
        Arbitrary<String[]> people = Combinators.combine(optional, optional, optional, optional, optional, optional)
                .as((tag, commit, actor, approver, breakGlass, buildUrl) ->
                        new String[] {tag, commit, actor, approver, breakGlass, buildUrl});
        Arbitrary<String[]> more = Combinators.combine(optional, optional, optional)
                .as((reason, previousTag, previousCommit) -> new String[] {reason, previousTag, previousCommit});
        return Combinators.combine(head, people, more, approvers, evidence).as((h, p, m, a, e) -> {
            boolean finished = h[2] == Phase.FINISHED;
            return new LedgerRecord(
                    (String) h[0],
                    (RecordKind) h[1],
                    (Phase) h[2],
                    (String) h[3],
                    (Integer) h[4],
                    p[0],
                    p[1],
                    finished ? (Outcome) h[5] : null,
                    (Instant) h[6],
                    finished ? (Instant) h[7] : null,
                    p[2],
                    p[3],
                    a,
                    p[4],
                    p[5],
                    m[0],
                    m[1],
                    m[2],
                    e);
        });
    }

    /** The line as a ledger writes it, newline left out: outside a chain, in one, or in one with a MAC. */
    private static byte[] encode(LedgerRecord record, int layout) {
        byte[] line =
                switch (layout) {
                    case 0 -> new LedgerCodec().encode(record);
                    case 1 -> new LedgerCodec().encode(record, new ChainLink(7, "0".repeat(64)));
                    default ->
                        new LedgerCodec(LedgerKeys.parse("test", AuthenticatedRecordsTest.NEW_KEY))
                                .encode(record, new ChainLink(8, "1".repeat(64)));
                };
        return Arrays.copyOf(line, line.length - 1);
    }

    private static LedgerRecord plain(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return LedgerCodec.plain(bytes, bytes.length);
    }

    private static LedgerRecord bound(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return LedgerCodec.bind(bytes, bytes.length);
    }

    private static Object parsed(String line) {
        return parsed(line.getBytes(StandardCharsets.UTF_8));
    }

    private static Object boundOrRefusal(String line) {
        return boundOrRefusal(line.getBytes(StandardCharsets.UTF_8));
    }

    /** What the codec reads: the record, or the message it refuses the line with. */
    private static Object parsed(byte[] line) {
        try {
            return new LedgerCodec().parse(line, line.length);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static Object boundOrRefusal(byte[] line) {
        try {
            return LedgerCodec.bind(line, line.length);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static byte[] cut(byte[] line, int at) {
        byte[] out = new byte[line.length - 1];
        System.arraycopy(line, 0, out, 0, at);
        System.arraycopy(line, at + 1, out, at, line.length - at - 1);
        return out;
    }

    private static byte[] replace(byte[] line, int at, byte value) {
        byte[] out = line.clone();
        out[at] = value;
        return out;
    }

    private static byte[] insert(byte[] line, int at, byte value) {
        byte[] out = new byte[line.length + 1];
        System.arraycopy(line, 0, out, 0, at);
        out[at] = value;
        System.arraycopy(line, at, out, at + 1, line.length - at);
        return out;
    }
}
