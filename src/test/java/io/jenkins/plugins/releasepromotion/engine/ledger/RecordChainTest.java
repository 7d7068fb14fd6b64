package io.jenkins.plugins.releasepromotion.engine.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.releasepromotion.engine.ledger.ChainBreak.Kind;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordChainTest {
    private static final String ENV = "production";

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    @Test
    void eachAppendCarriesItsSeqAndTheHashOfTheLineBeforeIt() throws Exception {
        JsonLinesLedger ledger = new JsonLinesLedger(dir, warnings::add);
        for (int i = 0; i < 3; i++) {
            ledger.append(Records.deployed(ENV, null, "v1.0." + i, "c" + i, Outcome.SUCCEEDED));
        }

        List<String> lines = lines();
        assertThat(lines.get(0)).endsWith(",\"seq\":1,\"prev\":\"" + "0".repeat(64) + "\"" + crcOf(lines.get(0)));
        assertThat(lines.get(1)).contains(",\"seq\":2,\"prev\":\"" + sha256(lines.get(0)) + "\",\"crc\":");
        assertThat(lines.get(2)).contains(",\"seq\":3,\"prev\":\"" + sha256(lines.get(1)) + "\",\"crc\":");
        assertThat(ledger.verify(ENV)).isEqualTo(new ChainReport(ENV, 3, 0, null));
        assertThat(warnings).isEmpty();
    }

    @Test
    void recordsWrittenBeforeTheChainAreAPrefixTheChainLinksTo() throws Exception {
        LedgerCodec codec = new LedgerCodec();
        Files.write(file(), codec.encode(Records.deployed(ENV, null, "v1.0.0", "c0", Outcome.SUCCEEDED)));
        Files.write(
                file(),
                codec.encode(Records.deployed(ENV, null, "v1.0.1", "c1", Outcome.SUCCEEDED)),
                StandardOpenOption.APPEND);
        JsonLinesLedger ledger = new JsonLinesLedger(dir, warnings::add);
        ledger.append(Records.deployed(ENV, null, "v1.0.2", "c2", Outcome.SUCCEEDED));
        ledger.append(Records.deployed(ENV, null, "v1.0.3", "c3", Outcome.SUCCEEDED));

        List<String> lines = lines();
        assertThat(lines.get(1)).doesNotContain("\"prev\"");
        assertThat(lines.get(2)).contains(",\"seq\":1,\"prev\":\"" + sha256(lines.get(1)) + "\"");
        assertThat(ledger.verify(ENV)).isEqualTo(new ChainReport(ENV, 4, 2, null));
    }

    @Test
    void aRecordWithoutALinkAfterTheChainBeganIsInserted() throws Exception {
        JsonLinesLedger ledger = new JsonLinesLedger(dir, warnings::add);
        ledger.append(Records.deployed(ENV, null, "v1.0.0", "c0", Outcome.SUCCEEDED));
        ledger.append(Records.deployed(ENV, null, "v1.0.1", "c1", Outcome.SUCCEEDED));
        LedgerRecord forged = Records.verified(ENV, null, "v9.9.9", "c9", Outcome.SUCCEEDED);
        Files.write(file(), new LedgerCodec().encode(forged), StandardOpenOption.APPEND);

        ChainReport report = ledger.verify(ENV);

        assertThat(report.broken().kind()).isEqualTo(Kind.INSERTED);
        assertThat(report.broken().position()).isEqualTo(3);
        assertThat(report.broken().id()).isEqualTo(forged.id());
        assertThat(report.broken().message())
                .isEqualTo("line 3 (record " + forged.id() + ") was inserted: it carries no link, yet the chain"
                        + " began at line 1.");
    }

    @Test
    void theSameRecordAppendedTwiceTakesTwoPlacesInOneChain() {
        JsonLinesLedger ledger = new JsonLinesLedger(dir, warnings::add);
        LedgerRecord record = Records.deployed(ENV, null, "v1.0.0", "c0", Outcome.SUCCEEDED);
        ledger.append(record);
        ledger.append(record);
        ledger.append(Records.deployed(ENV, null, "v1.0.1", "c1", Outcome.SUCCEEDED));

        assertThat(ledger.history(ENV)).hasSize(3).startsWith(record, record);
        assertThat(ledger.verify(ENV)).isEqualTo(new ChainReport(ENV, 3, 0, null));
    }

    @Test
    void aLineDamagedOnDiskIsNamedAsChanged() throws Exception {
        JsonLinesLedger ledger = new JsonLinesLedger(dir, warnings::add);
        List<LedgerRecord> written = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            written.add(Records.deployed(ENV, null, "v1.0." + i, "c" + i, Outcome.SUCCEEDED));
            ledger.append(written.get(i));
        }
        List<String> lines = lines();
        lines.set(1, lines.get(1).replace("v1.0.1", "v1.0.7"));
        Files.write(file(), (String.join("\n", lines) + "\n").getBytes(StandardCharsets.US_ASCII));

        ChainBreak broken = ledger.verify(ENV).broken();

        assertThat(broken.kind()).isEqualTo(Kind.CHANGED);
        assertThat(broken.position()).isEqualTo(2);
        assertThat(broken.message())
                .startsWith("line 2 (record " + written.get(1).id() + ") was changed: its checksum is ");
    }

    @Test
    void anEnvironmentNeverWrittenIsIntactWithNothingChecked() {
        assertThat(new JsonLinesLedger(dir, warnings::add).verify("qa")).isEqualTo(new ChainReport("qa", 0, 0, null));
    }

    /** Another ledger stores the canonical texts; the same chain, the same answers. */
    @Test
    void storedTextsChainAsTheFileLedgerChainsItsLines() throws Exception {
        JsonLinesLedger ledger = new JsonLinesLedger(dir, warnings::add);
        List<String> texts = new ArrayList<>();
        ChainLink link = RecordChain.after(null);
        for (int i = 0; i < 6; i++) {
            LedgerRecord record = Records.deployed(ENV, null, "v1.0." + i, "c" + i, Outcome.SUCCEEDED);
            ledger.append(record);
            texts.add(RecordChain.canonical(record, link));
            link = RecordChain.after(texts.get(i));
        }
        List<String> lines = lines();
        for (int i = 0; i < texts.size(); i++) {
            assertThat(lines.get(i)).isEqualTo(withoutChecksum(texts.get(i)) + crcOf(lines.get(i)));
        }
        assertThat(RecordChain.hash(texts.get(2))).isEqualTo(sha256(lines.get(2)));
        assertThat(lines.stream().map(RecordChain::textOfLine)).containsExactlyElementsOf(texts);
        assertThat(RecordChain.verify(ENV, texts)).isEqualTo(new ChainReport(ENV, 6, 0, null));

        List<String> changed = new ArrayList<>(texts);
        changed.set(2, changed.get(2).replace("v1.0.2", "v1.0.9"));
        assertBreak(
                changed,
                Kind.CHANGED,
                3,
                "record 3 (record " + idOf(texts.get(2)) + ") was changed: its hash is"
                        + " no longer the one record 4 carries as prev.");
        List<String> removed = new ArrayList<>(texts);
        removed.remove(2);
        assertBreak(removed, Kind.REMOVED, 3, "follows a gap: 1 record before it was removed (its seq is 4,");
        List<String> swapped = new ArrayList<>(texts);
        Collections.swap(swapped, 2, 3);
        assertBreak(swapped, Kind.REORDERED, 3, "is out of order: it follows record 4 in the chain but comes before");
        List<String> copied = new ArrayList<>(texts);
        copied.add(4, texts.get(1));
        assertBreak(copied, Kind.INSERTED, 5, "was inserted: it is a copy of record 2.");
        List<String> firstGone = new ArrayList<>(texts.subList(1, texts.size()));
        assertBreak(firstGone, Kind.REMOVED, 1, "follows a gap: 1 record before it was removed");
    }

    private static void assertBreak(List<String> texts, Kind kind, long position, String message) {
        ChainBreak broken = RecordChain.verify(ENV, texts).broken();
        assertThat(broken).as("break of %s", texts).isNotNull();
        assertThat(broken.kind()).as(broken.message()).isEqualTo(kind);
        assertThat(broken.position()).as(broken.message()).isEqualTo(position);
        assertThat(broken.message()).contains(message);
    }

    private Path file() {
        return dir.resolve(ENV + ".jsonl");
    }

    private List<String> lines() throws IOException {
        return new ArrayList<>(Files.readAllLines(file(), StandardCharsets.US_ASCII));
    }

    private static String idOf(String text) {
        return text.substring("{\"id\":\"".length(), text.indexOf('"', "{\"id\":\"".length()));
    }

    /** The checksum member of a line, with the closing brace. */
    private static String crcOf(String line) {
        return line.substring(line.lastIndexOf(",\"crc\":\""));
    }

    private static String withoutChecksum(String text) {
        return text.substring(0, text.length() - 1);
    }

    /** SHA-256 of a line without its checksum member: what the next line carries as prev. */
    static String sha256(String line) throws Exception {
        String text = line.substring(0, line.lastIndexOf(",\"crc\":\"")) + "}";
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII)));
    }
}
