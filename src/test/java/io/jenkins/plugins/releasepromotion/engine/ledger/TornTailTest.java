package io.jenkins.plugins.releasepromotion.engine.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TornTailTest {

    private static final String ENV = "production";

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    @Test
    void anIncompleteLastLineIsNeverReadAndIsSetAsideOnTheNextAppend() throws IOException {
        JsonLinesLedger ledger = new JsonLinesLedger(dir, warnings::add);
        List<LedgerRecord> written = appendSome(ledger, 3);
        byte[] partial = Arrays.copyOf(new LedgerCodec().encode(record(99)), 57);
        Files.write(file(), partial, StandardOpenOption.APPEND);

        assertThat(ledger.history(ENV)).containsExactlyElementsOf(written);
        assertThat(warnings).singleElement().asString().contains("incomplete record of 57 bytes", "ignored");

        LedgerRecord next = record(4);
        ledger.append(next);

        assertThat(new JsonLinesLedger(dir, warnings::add).history(ENV))
                .containsSequence(written)
                .endsWith(next);
        assertThat(tornFiles()).singleElement().satisfies(torn -> assertThat(Files.readAllBytes(torn))
                .isEqualTo(partial));
        assertThat(warnings.get(1)).contains("ended with 57 bytes", "moved them to production.jsonl.torn-");
    }

    @Test
    void everyCutKeepsTheRecordsBeforeItAndTheNextAppendRepairs() throws IOException {
        Path original = dir.resolve("original");
        List<LedgerRecord> written = appendSome(new JsonLinesLedger(original, warnings::add), 12);
        byte[] bytes = Files.readAllBytes(original.resolve(ENV + ".jsonl"));
        List<Integer> ends = lineEnds(bytes);
        long seed = System.nanoTime();
        Random random = new Random(seed);
        TreeSet<Integer> cuts = new TreeSet<>(ends);
        cuts.add(0);
        cuts.add(ends.get(3) - 1);
        while (cuts.size() < ends.size() + 40) {
            cuts.add(random.nextInt(bytes.length));
        }

        for (int cut : cuts) {
            Path copy = dir.resolve("cut-" + cut);
            Files.createDirectories(copy);
            Files.write(copy.resolve(ENV + ".jsonl"), Arrays.copyOf(bytes, cut));
            int complete = (int) ends.stream().filter(end -> end <= cut).count();
            List<LedgerRecord> survivors = written.subList(0, complete);
            String why = "cut at byte " + cut + " (seed " + seed + ")";

            JsonLinesLedger ledger = new JsonLinesLedger(copy, warnings::add);
            assertThat(ledger.history(ENV)).as(why).containsExactlyElementsOf(survivors);
            LedgerRecord next = record(100);
            ledger.append(next);
            List<LedgerRecord> expected = new ArrayList<>(survivors);
            expected.add(next);
            assertThat(ledger.history(ENV)).as(why).containsExactlyElementsOf(expected);
            assertThat(ledger.verify(ENV)).as(why).isEqualTo(new ChainReport(ENV, expected.size(), 0, null));

            int start = complete == 0 ? 0 : ends.get(complete - 1);
            List<Path> torn = tornFiles(copy);
            if (cut == start) {
                assertThat(torn).as(why).isEmpty();
            } else {
                assertThat(torn).as(why).singleElement().satisfies(t -> assertThat(Files.readAllBytes(t))
                        .isEqualTo(Arrays.copyOfRange(bytes, start, cut)));
            }
        }
    }

    @Test
    void zeroBytesLeftByACrashAreSetAside() throws IOException {
        JsonLinesLedger ledger = new JsonLinesLedger(dir, warnings::add);
        List<LedgerRecord> written = appendSome(ledger, 2);
        Files.write(file(), new byte[4096], StandardOpenOption.APPEND);

        assertThat(ledger.history(ENV)).containsExactlyElementsOf(written);
        ledger.append(record(3));

        assertThat(ledger.history(ENV)).hasSize(3);
        assertThat(Files.size(tornFiles().get(0))).isEqualTo(4096);
    }

    @Test
    void aDamagedLastLineIsSkippedThenSetAside() throws IOException {
        JsonLinesLedger ledger = new JsonLinesLedger(dir, warnings::add);
        List<LedgerRecord> written = appendSome(ledger, 2);
        String damaged = "{\"id\":\"x\",\"kind\":\"DEPLOY\u0000\u0000\n";
        long at = Files.size(file());
        Files.writeString(file(), damaged, StandardOpenOption.APPEND);

        assertThat(ledger.history(ENV)).containsExactlyElementsOf(written);
        assertThat(warnings).singleElement().asString().startsWith("The line at byte " + at + " of production.jsonl");
        assertThat(ledger.verify(ENV).broken())
                .as("damage at the end is named until the next append sets it aside")
                .satisfies(b -> assertThat(b.position()).isEqualTo(3))
                .satisfies(b -> assertThat(b.kind()).isEqualTo(ChainBreak.Kind.CHANGED));

        ledger.append(record(3));

        assertThat(ledger.history(ENV)).hasSize(3);
        assertThat(Files.readString(tornFiles().get(0))).isEqualTo(damaged);
        assertThat(Files.readString(file())).doesNotContain("DEPLOY\u0000");
        assertThat(ledger.verify(ENV)).isEqualTo(new ChainReport(ENV, 3, 0, null));
    }

    @Test
    void aLastLineFromANewerVersionIsKept() throws IOException {
        JsonLinesLedger ledger = new JsonLinesLedger(dir, warnings::add);
        appendSome(ledger, 1);
        long at = Files.size(file());
        String newer = withChecksum("{\"id\":\"n1\",\"kind\":\"CANARY\",\"phase\":\"STARTED\",\"environment\":"
                + "\"production\",\"startedAt\":\"2030-01-01T00:00:00Z\"}");
        Files.writeString(file(), newer + "\n", StandardOpenOption.APPEND);

        ledger.append(record(2));

        assertThat(ledger.history(ENV)).hasSize(2);
        assertThat(tornFiles()).isEmpty();
        assertThat(Files.readAllLines(file())).hasSize(3).contains(newer);
        assertThat(warnings).singleElement().asString().contains("The line at byte " + at + " ", "CANARY");
    }

    private static List<LedgerRecord> appendSome(JsonLinesLedger ledger, int count) {
        List<LedgerRecord> written = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LedgerRecord r = record(i);
            ledger.append(r);
            written.add(r);
        }
        return written;
    }

    /** Records of different lengths, so that cuts land in differently shaped places. */
    private static LedgerRecord record(int n) {
        LedgerRecord r = Records.deployed(ENV, null, "v1." + n + ".0", "c" + n, Outcome.SUCCEEDED);
        return n % 3 == 0 ? r.withEvidence("version", "{\"branch\":\"v1." + n + ".0\"}".repeat(n + 1)) : r;
    }

    private static String withChecksum(String body) {
        CRC32C crc = new CRC32C();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        String hex = String.format(Locale.ROOT, "%08x", crc.getValue());
        return body.substring(0, body.length() - 1) + ",\"crc\":\"" + hex + "\"}";
    }

    private static List<Integer> lineEnds(byte[] bytes) {
        List<Integer> ends = new ArrayList<>();
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                ends.add(i + 1);
            }
        }
        return ends;
    }

    private Path file() {
        return dir.resolve(ENV + ".jsonl");
    }

    private List<Path> tornFiles() throws IOException {
        return tornFiles(dir);
    }

    private static List<Path> tornFiles(Path in) throws IOException {
        try (Stream<Path> files = Files.list(in)) {
            return files.filter(p -> p.getFileName().toString().startsWith(ENV + ".jsonl.torn-"))
                    .toList();
        }
    }
}
