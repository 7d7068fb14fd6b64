package io.jenkins.plugins.releasepromotion.engine.ledger;

import static io.jenkins.plugins.releasepromotion.engine.ledger.Records.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesLedgerTest {

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private JsonLinesLedger ledger() {
        return new JsonLinesLedger(dir, warnings::add);
    }

    @Test
    void eachRecordIsOneAsciiLineWithIsoTimesNamesAndAChecksum() throws IOException {
        LedgerRecord started =
                LedgerRecord.started(RecordKind.DEPLOYMENT, "production", null, "v1.2.3", "abc", "Zo\u00eb", T0);
        ledger().append(started);
        ledger().append(started.finish(Outcome.SUCCEEDED, T0.plusSeconds(30)));

        byte[] bytes = Files.readAllBytes(dir.resolve("production.jsonl"));
        for (byte b : bytes) {
            assertThat(b == '\n' || (b >= 0x20 && b <= 0x7e))
                    .as("printable ASCII or newline: %d", b)
                    .isTrue();
        }
        List<String> lines = Files.readAllLines(dir.resolve("production.jsonl"), StandardCharsets.US_ASCII);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0))
                .startsWith("{\"id\":\"" + started.id() + "\",\"kind\":\"DEPLOYMENT\",\"phase\":\"STARTED\"")
                .contains("\"startedAt\":\"2025-01-22T10:30:00Z\"", "\"actor\":\"Zo\\u00EB\"")
                .doesNotContain(
                        "slot", "outcome", "finishedAt", "approver", "evidence", "null", "finished", "succeeded")
                .matches(".*,\"crc\":\"[0-9a-f]{8}\"}$");
        assertThat(lines.get(1)).contains("\"outcome\":\"SUCCEEDED\"", "\"finishedAt\":\"2025-01-22T10:30:30Z\"");
    }

    @Test
    void theExampleLinesOfTheDocumentationAreValidRecords() throws IOException {
        List<String> examples = Files.readAllLines(Path.of("docs/ledger.md")).stream()
                .filter(line -> line.startsWith("{\"id\":"))
                .toList();
        for (String line : examples) {
            String environment = line.contains("\"environment\":\"staging\"") ? "staging" : "production";
            Files.writeString(
                    dir.resolve(environment + ".jsonl"),
                    line + "\n",
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        JsonLinesLedger ledger = ledger();

        assertThat(examples).hasSize(5);
        assertThat(ledger.history("staging"))
                .extracting(LedgerRecord::kind)
                .containsExactly(RecordKind.DEPLOYMENT, RecordKind.DEPLOYMENT, RecordKind.VERIFICATION);
        assertThat(ledger.history("production"))
                .extracting(LedgerRecord::kind)
                .containsExactly(RecordKind.APPROVAL, RecordKind.ROLLBACK);
        assertThat(ledger.attestations("staging", "v1.2.3", "3f2c1ab9d0e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8"))
                .singleElement()
                .satisfies(r -> assertThat(r.evidence()).containsKeys("version", "health"));
        assertThat(warnings).isEmpty();
    }

    @Test
    void linesWrittenByHandOrByANewerVersionAreRead() throws IOException {
        Files.writeString(
                dir.resolve("production.jsonl"),
                "{\"id\":\"manual-1\",\"kind\":\"DEPLOYMENT\",\"phase\":\"FINISHED\",\"environment\":\"production\","
                        + "\"tag\":\"v1.0.0\",\"outcome\":\"SUCCEEDED\",\"startedAt\":\"2024-12-01T09:00:00Z\","
                        + "\"finishedAt\":\"2024-12-01T09:05:00Z\",\"futureField\":{\"nested\":[1,2]}}\n",
                StandardCharsets.UTF_8);

        assertThat(ledger().current("production", null))
                .hasValueSatisfying(r -> assertThat(r.id()).isEqualTo("manual-1"));
        assertThat(warnings).isEmpty();
    }

    @Test
    void environmentsAreTheLedgerFilesOfTheDirectory() throws IOException {
        JsonLinesLedger ledger = ledger();
        assertThat(ledger.environments()).isEmpty();
        ledger.append(Records.deployed("staging", 1, "v1", "c", Outcome.SUCCEEDED));
        ledger.append(Records.deployed("production", null, "v1", "c", Outcome.SUCCEEDED));
        ledger.lock("qa", 1, "me").close();
        Files.writeString(dir.resolve("production.jsonl.torn-20250101T000000000Z"), "{\"id\"");
        Files.writeString(dir.resolve("notes.txt"), "hello");

        assertThat(ledger.environments()).containsExactly("production", "staging");
        assertThat(ledger.history("never-used")).isEmpty();
    }

    @Test
    void aDamagedLineInTheMiddleIsSkippedWithAWarning() throws IOException {
        JsonLinesLedger ledger = ledger();
        LedgerRecord before = Records.deployed("production", null, "v1.0.0", "c1", Outcome.SUCCEEDED);
        LedgerRecord damaged = Records.deployed("production", null, "v1.1.0", "c2", Outcome.SUCCEEDED);
        LedgerRecord after = Records.deployed("production", null, "v1.2.0", "c3", Outcome.SUCCEEDED);
        ledger.append(before);
        ledger.append(damaged);
        ledger.append(after);
        Path file = dir.resolve("production.jsonl");
        List<String> lines = Files.readAllLines(file);
        // A changed digit still parses as JSON; only the checksum can tell.
        String changed = lines.get(1).replace("v1.1.0", "v9.1.0");
        Files.write(file, List.of(lines.get(0), "not json at all", changed, lines.get(2)));
        ledger.append(Records.deployed("production", null, "v1.3.0", "c4", Outcome.SUCCEEDED));

        assertThat(ledger.succeededTags("production"))
                .extracting(LedgerRecord::tag)
                .containsExactly("v1.3.0", "v1.2.0", "v1.0.0");
        assertThat(warnings)
                .hasSize(2)
                .anySatisfy(w -> assertThat(w)
                        .startsWith("The line at byte " + (lines.get(0).length() + 1) + " of production.jsonl")
                        .contains("not a valid record"))
                .anySatisfy(w -> assertThat(w)
                        .startsWith("The line at byte " + (lines.get(0).length() + 17) + " of production.jsonl")
                        .contains("checksum", "skipped"));
    }

    @Test
    void aRecordInTheWrongFileIsNotReadAsThatEnvironment() throws IOException {
        JsonLinesLedger ledger = ledger();
        ledger.append(Records.deployed("staging", 1, "v1.0.0", "c1", Outcome.SUCCEEDED));
        Files.copy(dir.resolve("staging.jsonl"), dir.resolve("production.jsonl"));

        assertThat(ledger.current("production", 1)).isEmpty();
        assertThat(warnings).singleElement().asString().contains("belongs to the environment staging");
    }
}
