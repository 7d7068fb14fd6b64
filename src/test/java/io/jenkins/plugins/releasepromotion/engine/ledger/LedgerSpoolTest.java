package io.jenkins.plugins.releasepromotion.engine.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerSpoolTest {
    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    @Test
    void handsItsRecordsOverInOrderOnceAndEmpties() {
        LedgerSpool spool = new LedgerSpool(dir.resolve("spool/db.jsonl"));
        List<LedgerRecord> made = made(3);
        made.forEach(spool::add);
        JsonLinesLedger target = new JsonLinesLedger(dir.resolve("target"), warnings::add);

        assertThat(spool.drain(r -> LedgerCopy.writeOnce(target, r), warnings::add))
                .isEqualTo(3);
        assertThat(target.history("staging")).containsExactlyElementsOf(made);
        assertThat(spool.isEmpty()).isTrue();
        assertThat(spool.drain(r -> LedgerCopy.writeOnce(target, r), warnings::add))
                .isZero();
        assertThat(warnings).isEmpty();
    }

    @Test
    void aWriterThatFailsHalfWayLeavesTheSpoolWholeAndTheNextDrainWritesOnlyWhatIsMissing() {
        LedgerSpool spool = new LedgerSpool(dir.resolve("spool/db.jsonl"));
        List<LedgerRecord> made = made(3);
        made.forEach(spool::add);
        JsonLinesLedger target = new JsonLinesLedger(dir.resolve("target"), warnings::add);
        int[] taken = {0};

        assertThatThrownBy(() -> spool.drain(
                        r -> {
                            if (taken[0]++ == 2) {
                                throw new IllegalStateException("connection lost");
                            }
                            LedgerCopy.writeOnce(target, r);
                        },
                        warnings::add))
                .hasMessage("connection lost");
        assertThat(spool.records(warnings::add)).containsExactlyElementsOf(made);

        spool.drain(r -> LedgerCopy.writeOnce(target, r), warnings::add);
        assertThat(target.history("staging")).containsExactlyElementsOf(made);
    }

    @Test
    void aLineTornByACrashIsCutOffByTheNextAdd() throws IOException {
        Path file = dir.resolve("spool/db.jsonl");
        LedgerSpool spool = new LedgerSpool(file);
        List<LedgerRecord> made = made(2);
        spool.add(made.get(0));
        Files.write(file, "{\"id\":\"half-writ".getBytes(StandardCharsets.US_ASCII), StandardOpenOption.APPEND);

        assertThat(spool.records(warnings::add)).containsExactly(made.get(0));
        spool.add(made.get(1));
        assertThat(spool.records(warnings::add)).containsExactlyElementsOf(made);
        assertThat(warnings).isEmpty();
    }

    @Test
    void aDamagedLineIsSetAsideWithAWarningNeverDroppedSilently() throws IOException {
        Path file = dir.resolve("spool/db.jsonl");
        LedgerSpool spool = new LedgerSpool(file);
        List<LedgerRecord> made = made(2);
        spool.add(made.get(0));
        String damaged = new String(new LedgerCodec().encode(made.get(1)), StandardCharsets.US_ASCII)
                .replace("staging", "stagimg");
        Files.writeString(file, damaged, StandardOpenOption.APPEND);
        JsonLinesLedger target = new JsonLinesLedger(dir.resolve("target"), warnings::add);

        assertThat(spool.drain(r -> LedgerCopy.writeOnce(target, r), warnings::add))
                .isEqualTo(1);
        assertThat(warnings).singleElement().asString().contains("damaged", file.toString());
        try (Stream<Path> beside = Files.list(file.getParent())) {
            Path aside = beside.filter(p -> p.getFileName().toString().startsWith("db.jsonl.damaged-"))
                    .findFirst()
                    .orElseThrow();
            assertThat(Files.readString(aside)).contains("stagimg");
        }
        assertThat(spool.isEmpty()).isTrue();
    }

    private static List<LedgerRecord> made(int count) {
        List<LedgerRecord> made = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            made.add(Records.deployed("staging", i, "v1.0." + i, "3f2c1ab" + i, Outcome.SUCCEEDED));
        }
        return made;
    }
}
