package io.jenkins.plugins.releasepromotion.engine.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index of verifications beside each ledger file: look-ups through it give exactly what a full read gives, also
 * when it lags behind the ledger, names lines that are not what it says, or covers more than the file holds.
 */
class LedgerIndexTest {
    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private JsonLinesLedger ledger() {
        return new JsonLinesLedger(dir, warnings::add);
    }

    @Test
    void lookUpsThroughTheIndexAnswerAsAFullReadDoes() throws IOException {
        JsonLinesLedger ledger = ledger();
        Random random = new Random(42);
        for (int i = 0; i < 300; i++) {
            String tag = "v1.0." + random.nextInt(12);
            String commit = "c" + random.nextInt(3);
            Outcome outcome = random.nextInt(4) == 0 ? Outcome.VERIFY_FAILED : Outcome.SUCCEEDED;
            ledger.append(
                    random.nextBoolean()
                            ? Records.verified("staging", 1 + random.nextInt(3), tag, commit, outcome)
                            : Records.deployed("staging", 1 + random.nextInt(3), tag, commit, outcome));
        }
        assertThat(dir.resolve("staging.index/covered")).exists();
        assertSameAsAFullRead(ledger);
        assertThat(ledger.environments()).containsExactly("staging");
        assertThat(warnings).isEmpty();
    }

    @Test
    void aRecordTheIndexDoesNotCoverYetIsFoundAndTheNextAppendCatchesUp() throws IOException {
        JsonLinesLedger ledger = ledger();
        ledger.append(Records.verified("staging", 1, "v1.0.0", "c1", Outcome.SUCCEEDED));
        // As if the process died after the record was on disk and before the index was written.
        byte[] line = new LedgerCodec().encode(Records.verified("staging", 2, "v1.0.0", "c1", Outcome.SUCCEEDED));
        Files.write(dir.resolve("staging.jsonl"), line, StandardOpenOption.APPEND);

        assertThat(ledger().attestations("staging", "v1.0.0", "c1"))
                .extracting(LedgerRecord::slot)
                .containsExactly(2, 1);
        ledger.append(Records.deployed("staging", 3, "v1.0.1", "c2", Outcome.SUCCEEDED));
        assertThat(covered()).isEqualTo(Files.size(dir.resolve("staging.jsonl")));
        assertThat(ledger().attestations("staging", "v1.0.0", "c1"))
                .extracting(LedgerRecord::slot)
                .containsExactly(2, 1);
    }

    @Test
    void aDamagedIndexIsNeverBelievedAndTheLedgerIsReadInstead() throws IOException {
        JsonLinesLedger ledger = ledger();
        ledger.append(Records.deployed("staging", 1, "v1.0.0", "c1", Outcome.SUCCEEDED));
        ledger.append(Records.verified("staging", 1, "v1.0.0", "c1", Outcome.VERIFY_FAILED));
        ledger.append(Records.verified("staging", 1, "v1.0.1", "c2", Outcome.SUCCEEDED));
        // Point every bucket line at the first record, and add one pointing into the middle of a line.
        try (Stream<Path> buckets = Files.list(dir.resolve("staging.index"))) {
            for (Path bucket : buckets.filter(p -> p.getFileName().toString().startsWith("bucket-"))
                    .toList()) {
                String text = Files.readString(bucket).replaceAll(" \\d+\n", " 0\n") + text(bucket) + " 17\n";
                Files.writeString(bucket, text);
            }
        }
        assertThat(ledger().attestations("staging", "v1.0.1", "c2"))
                .extracting(LedgerRecord::tag)
                .containsExactly("v1.0.1");
        assertThat(ledger().verifications("staging", "v1.0.0"))
                .extracting(LedgerRecord::outcome)
                .containsExactly(Outcome.VERIFY_FAILED);
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("names a line that is not what it says"));
    }

    @Test
    void aLedgerShorterThanTheIndexIsReadWholeAndTheIndexStartsOver() throws IOException {
        JsonLinesLedger ledger = ledger();
        ledger.append(Records.verified("staging", 1, "v1.0.0", "c1", Outcome.SUCCEEDED));
        Path file = dir.resolve("staging.jsonl");
        long first = Files.size(file);
        ledger.append(Records.verified("staging", 2, "v1.0.0", "c1", Outcome.SUCCEEDED));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(first);
        }
        assertThat(ledger().attestations("staging", "v1.0.0", "c1"))
                .extracting(LedgerRecord::slot)
                .containsExactly(1);
        ledger.append(Records.verified("staging", 3, "v1.0.0", "c1", Outcome.SUCCEEDED));
        assertThat(covered()).isEqualTo(Files.size(file));
        assertThat(ledger().attestations("staging", "v1.0.0", "c1"))
                .extracting(LedgerRecord::slot)
                .containsExactly(3, 1);
    }

    @Test
    void aLedgerWrittenBeforeTheIndexExistedIsIndexedByItsNextAppend() throws IOException {
        JsonLinesLedger ledger = ledger();
        for (int i = 0; i < 20; i++) {
            ledger.append(Records.verified("staging", 1, "v1.0." + i, "c" + i, Outcome.SUCCEEDED));
        }
        deleteIndex();
        assertSameAsAFullRead(ledger());
        ledger.append(Records.deployed("staging", 1, "v1.0.19", "c19", Outcome.SUCCEEDED));
        assertThat(covered()).isEqualTo(Files.size(dir.resolve("staging.jsonl")));
        assertSameAsAFullRead(ledger());
    }

    private static void assertSameAsAFullRead(JsonLinesLedger ledger) {
        FullRead.assertSameAsAFullRead(ledger, "staging");
    }

    private long covered() throws IOException {
        return Long.parseLong(Files.readString(dir.resolve("staging.index/covered"), StandardCharsets.US_ASCII));
    }

    private void deleteIndex() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("staging.index"))) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
    }

    private static String text(Path bucket) throws IOException {
        String first = Files.readString(bucket);
        return first.isEmpty() ? "000000000000000000000000" : first.substring(0, 24);
    }
}
