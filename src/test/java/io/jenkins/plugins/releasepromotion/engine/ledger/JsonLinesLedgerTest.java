package io.jenkins.plugins.releasepromotion.engine.ledger;

import static io.jenkins.plugins.releasepromotion.engine.ledger.Records.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonLinesLedgerTest {

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private JsonLinesLedger ledger() {
        return new JsonLinesLedger(dir, warnings::add);
    }

    @Test
    void everyFieldSurvivesTheRoundTrip() {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("version", "{\"environment\":\"staging\",\"slot\":1,\"branch\":\"v1.2.3\"}");
        evidence.put("logs", "line one\nline two\tcaf\u00e9 \u2713");
        LedgerRecord record = LedgerRecord.started(
                        RecordKind.ROLLBACK, "staging", 2, "v1.2.3", "abc123def456", "alice", T0.plusNanos(123456789))
                .withApprover("carol")
                .withBuildUrl("https://ci.example.com/job/app/42/")
                .withReason("health failed in the bake window \"again\"")
                .withPrevious("v1.2.4", "fff000")
                .withEvidence(evidence)
                .finish(Outcome.ROLLED_BACK, T0.plusSeconds(61));

        ledger().append(record);

        List<LedgerRecord> read = new JsonLinesLedger(dir, warnings::add).history("staging");
        assertThat(read).containsExactly(record);
        assertThat(read.get(0).evidence().keySet()).containsExactly("version", "logs");
        assertThat(warnings).isEmpty();
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
        assertThat(ledger.verify("staging")).isEqualTo(new ChainReport("staging", 3, 0, null));
        assertThat(ledger.verify("production")).isEqualTo(new ChainReport("production", 2, 0, null));
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
    void aStoppedThreadStillRecordsHowItsOperationEndedAndStaysInterrupted() {
        JsonLinesLedger ledger = ledger();
        Thread.currentThread().interrupt();
        try {
            ledger.append(Records.deployed("staging", 1, "v1.0.0", "c1", Outcome.DEPLOY_FAILED));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(ledger.history("staging")).extracting(LedgerRecord::outcome).containsExactly(Outcome.DEPLOY_FAILED);
    }

    @Test
    void aStoppedThreadStillReadsTakesAndReleasesTheLock() {
        JsonLinesLedger ledger = ledger();
        ledger.append(Records.verified("staging", 1, "v1.0.0", "c1", Outcome.SUCCEEDED));
        Thread.currentThread().interrupt();
        try {
            assertThat(ledger.attestations("staging", "v1.0.0", "c1")).hasSize(1);
            assertThat(ledger.history("staging")).hasSize(1);
            assertThat(ledger.interrupted("staging")).isEmpty();
            ledger.lock("staging", 1, "ann").close();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        ledger.lock("staging", 1, "bob").close();
    }

    @Test
    void newestFirstReadsBackwardsAndStopsWhenAsked() {
        JsonLinesLedger ledger = ledger();
        for (int i = 0; i < 5; i++) {
            ledger.append(Records.deployed("staging", 1, "v1.0." + i, "c" + i, Outcome.SUCCEEDED));
        }
        List<String> seen = new ArrayList<>();
        ledger.newestFirst("staging", r -> {
            seen.add(r.tag());
            return seen.size() < 3;
        });
        assertThat(seen).containsExactly("v1.0.4", "v1.0.3", "v1.0.2");

        List<LedgerRecord> all = new ArrayList<>();
        ledger.newestFirst("staging", all::add);
        List<LedgerRecord> reversed = new ArrayList<>(ledger.history("staging"));
        Collections.reverse(reversed);
        assertThat(all).isEqualTo(reversed);
        ledger.newestFirst("never-written", r -> {
            throw new AssertionError("nothing to read");
        });
    }

    @Test
    void currentIsTheLatestGoodDeploymentOfEachSlot() {
        JsonLinesLedger ledger = ledger();
        ledger.append(Records.deployed("staging", 1, "v1.0.0", "c1", Outcome.SUCCEEDED));
        ledger.append(Records.deployed("staging", 2, "v1.1.0", "c2", Outcome.SUCCEEDED));
        ledger.append(Records.deployed("staging", 1, "v1.2.0", "c3", Outcome.DEPLOY_FAILED));
        ledger.append(LedgerRecord.started(RecordKind.DEPLOYMENT, "staging", 1, "v1.3.0", "c4", "bob", T0));
        ledger.append(Records.verified("staging", 1, "v1.4.0", "c5", Outcome.SUCCEEDED));

        assertThat(ledger.current("staging", 1).map(LedgerRecord::tag)).hasValue("v1.0.0");
        assertThat(ledger.current("staging", 2).map(LedgerRecord::tag)).hasValue("v1.1.0");
        assertThat(ledger.current("staging", 3)).isEmpty();
        assertThat(ledger.current("staging", null)).isEmpty();
        assertThat(ledger.current("production", null)).isEmpty();

        ledger.append(Records.rolledBack("staging", 2, "v0.9.0", "c0"));
        assertThat(ledger.current("staging", 2).map(LedgerRecord::tag)).hasValue("v0.9.0");
    }

    @Test
    void lastGoodBeforeSkipsTheCurrentTagAndFailures() {
        JsonLinesLedger ledger = ledger();
        ledger.append(Records.deployed("production", null, "v1.0.0", "c1", Outcome.SUCCEEDED));
        ledger.append(Records.deployed("production", null, "v1.1.0", "c2", Outcome.SUCCEEDED));
        ledger.append(Records.deployed("production", null, "v1.1.5", "c3", Outcome.VERIFY_FAILED));
        ledger.append(Records.deployed("production", null, "v1.2.0", "c4", Outcome.SUCCEEDED));
        ledger.append(Records.deployed("production", null, "v1.2.0", "c4", Outcome.SUCCEEDED));

        assertThat(ledger.lastGoodBefore("production", null, "v1.2.0").map(LedgerRecord::tag))
                .hasValue("v1.1.0");
        assertThat(ledger.lastGoodBefore("production", null, "v1.1.0").map(LedgerRecord::tag))
                .hasValue("v1.2.0");
        assertThat(ledger.lastGoodBefore("production", 1, "v1.2.0")).isEmpty();
        assertThat(ledger.succeededTags("production"))
                .extracting(LedgerRecord::tag)
                .containsExactly("v1.2.0", "v1.2.0", "v1.1.0", "v1.0.0");
    }

    @Test
    void attestationsNeedTheSameTagAndCommitAndComeNewestFirst() {
        JsonLinesLedger ledger = ledger();
        LedgerRecord first = Records.verified("staging", 1, "v1.2.3", "abc", Outcome.SUCCEEDED);
        LedgerRecord otherCommit = Records.verified("staging", 1, "v1.2.3", "moved", Outcome.SUCCEEDED);
        LedgerRecord failed = Records.verified("staging", 2, "v1.2.3", "abc", Outcome.VERIFY_FAILED);
        LedgerRecord second = Records.verified("staging", 2, "v1.2.3", "abc", Outcome.SUCCEEDED);
        LedgerRecord deployment = Records.deployed("staging", 2, "v1.2.3", "abc", Outcome.SUCCEEDED);
        for (LedgerRecord r : List.of(first, otherCommit, failed, second, deployment)) {
            ledger.append(r);
        }

        assertThat(ledger.attestations("staging", "v1.2.3", "abc")).containsExactly(second, first);
        assertThat(ledger.attestations("staging", "v1.2.3", "zzz")).isEmpty();
        assertThat(ledger.attestations("production", "v1.2.3", "abc")).isEmpty();
    }

    @Test
    void aLaterFailedVerificationIsVisible() {
        JsonLinesLedger ledger = ledger();
        LedgerRecord passed = Records.verified("staging", 1, "v1.2.3", "abc", Outcome.SUCCEEDED);
        LedgerRecord running = LedgerRecord.started(RecordKind.VERIFICATION, "staging", 1, "v1.2.3", "abc", "bob", T0);
        LedgerRecord failed = running.finish(Outcome.VERIFY_FAILED, T0.plusSeconds(9));
        ledger.append(passed);
        ledger.append(Records.verified("staging", 1, "v1.2.4", "def", Outcome.VERIFY_FAILED));
        ledger.append(running);
        ledger.append(failed);

        assertThat(ledger.verifications("staging", "v1.2.3")).containsExactly(failed, passed);
        assertThat(ledger.attestations("staging", "v1.2.3", "abc")).containsExactly(passed);
    }

    @Test
    void interruptedAreStartedOperationsThatNeverFinished() {
        JsonLinesLedger ledger = ledger();
        LedgerRecord done = LedgerRecord.started(RecordKind.DEPLOYMENT, "production", null, "v2", "c", "a", T0);
        LedgerRecord lost = LedgerRecord.started(RecordKind.DEPLOYMENT, "production", null, "v3", "c", "a", T0);
        LedgerRecord waiting = LedgerRecord.started(RecordKind.APPROVAL, "production", null, "v3", "c", "a", T0);
        ledger.append(done);
        ledger.append(lost);
        ledger.append(done.finish(Outcome.SUCCEEDED, T0));
        ledger.append(waiting);

        assertThat(ledger.interrupted("production")).containsExactly(lost, waiting);
        assertThat(ledger.history("production")).hasSize(4);
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

    @ParameterizedTest
    @ValueSource(
            strings = {"../escape", "a/b", "a\\b", ".hidden", "-option", "", "with space", "nul\u0000", "caf\u00e9"})
    void refusesEnvironmentNamesThatCouldLeaveTheDirectory(String name) {
        JsonLinesLedger ledger = ledger();
        assertThatThrownBy(() -> ledger.history(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot name a ledger file")
                .hasMessageContaining("rename the environment");
        assertThatThrownBy(() -> ledger.lock(name, null, "me")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsNamesUpToSixtyFourCharacters() {
        String longest = "p".repeat(64);
        JsonLinesLedger ledger = ledger();
        ledger.append(Records.deployed(longest, null, "v1", "c", Outcome.SUCCEEDED));
        ledger.append(Records.deployed("eu-west_1.prod", null, "v1", "c", Outcome.SUCCEEDED));
        assertThat(ledger.environments()).containsExactly("eu-west_1.prod", longest);
        assertThatThrownBy(() -> ledger.history(longest + "p")).hasMessageContaining("1 to 64");
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

    @Test
    void refusesARecordTooLongForOneLine() {
        LedgerRecord huge = Records.deployed("production", null, "v1", "c", Outcome.SUCCEEDED)
                .withEvidence("logs", "x".repeat(LedgerCodec.MAX_LINE_BYTES));
        JsonLinesLedger ledger = ledger();
        assertThatThrownBy(() -> ledger.append(huge))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the limit is 1048576")
                .hasMessageContaining("keep less evidence");
        assertThat(ledger.history("production")).isEmpty();
    }
}
