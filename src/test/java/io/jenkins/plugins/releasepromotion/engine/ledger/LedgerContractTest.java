package io.jenkins.plugins.releasepromotion.engine.ledger;

import static io.jenkins.plugins.releasepromotion.engine.ledger.Records.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What every ledger answers alike, whether it keeps its records in files or in a shared database. */
@ParameterizedClass
@EnumSource(LedgerKind.class)
@Timeout(120)
class LedgerContractTest {

    @Parameter
    LedgerKind kind;

    @TempDir
    Path dir;

    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private LedgerStore store;

    @BeforeEach
    void createStore() {
        store = LedgerStore.create(kind, dir);
    }

    @AfterEach
    void closeStore() throws Exception {
        store.close();
        assertThat(warnings).isEmpty();
    }

    private Ledger ledger() {
        return store.open(warnings::add);
    }

    @Test
    void appendsFromSeveralLedgerObjectsFormOneChainThatVerifies() {
        Ledger first = ledger();
        Ledger second = ledger();
        first.append(Records.deployed("staging", 1, "v1.0.0", "c0", Outcome.SUCCEEDED));
        second.append(Records.deployed("staging", 2, "v1.0.1", "c1", Outcome.SUCCEEDED));
        first.append(Records.deployed("staging", 1, "v1.0.2", "c2", Outcome.DEPLOY_FAILED));
        second.append(Records.deployed("production", null, "v1.0.0", "c0", Outcome.SUCCEEDED));

        assertThat(ledger().verify("staging")).isEqualTo(new ChainReport("staging", 3, 0, null));
        assertThat(ledger().verify("production")).isEqualTo(new ChainReport("production", 1, 0, null));
        assertThat(ledger().verify("never-written")).isEqualTo(new ChainReport("never-written", 0, 0, null));
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

        List<LedgerRecord> read = ledger().history("staging");
        assertThat(read).containsExactly(record);
        assertThat(read.get(0).evidence().keySet()).containsExactly("version", "logs");
        assertThat(warnings).isEmpty();
    }

    @Test
    void aStoppedThreadStillRecordsHowItsOperationEndedAndStaysInterrupted() {
        Ledger ledger = ledger();
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
        Ledger ledger = ledger();
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
        Ledger ledger = ledger();
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
    void newestFinishedFirstHandsOverOnlyFinishedRecordsAndStopsWhenAsked() {
        Ledger ledger = ledger();
        ledger.append(Records.deployed("staging", 1, "v1.0.0", "c1", Outcome.SUCCEEDED));
        LedgerRecord open = LedgerRecord.started(RecordKind.DEPLOYMENT, "staging", 1, "v1.1.0", "c2", "bob", T0);
        ledger.append(open);
        ledger.append(Records.verified("staging", 1, "v1.0.0", "c1", Outcome.VERIFY_FAILED));
        ledger.append(Records.deployed("staging", 2, "v1.2.0", "c3", Outcome.DEPLOY_FAILED));

        List<LedgerRecord> finished = new ArrayList<>();
        ledger.newestFinishedFirst("staging", finished::add);
        List<LedgerRecord> expected = new ArrayList<>(ledger.history("staging").stream()
                .filter(LedgerRecord::isFinished)
                .toList());
        Collections.reverse(expected);
        assertThat(finished).isEqualTo(expected).hasSize(3);

        List<String> seen = new ArrayList<>();
        ledger.newestFinishedFirst("staging", r -> seen.add(r.tag()) && seen.size() < 2);
        assertThat(seen).containsExactly("v1.2.0", "v1.0.0");
        ledger.newestFinishedFirst("never-written", r -> {
            throw new AssertionError("nothing to read");
        });
    }

    @Test
    void currentIsTheLatestGoodDeploymentOfEachSlot() {
        Ledger ledger = ledger();
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
        Ledger ledger = ledger();
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
        Ledger ledger = ledger();
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
        Ledger ledger = ledger();
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
        Ledger ledger = ledger();
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

    @org.junit.jupiter.params.ParameterizedTest
    @ValueSource(
            strings = {"../escape", "a/b", "a\\b", ".hidden", "-option", "", "with space", "nul\u0000", "caf\u00e9"})
    void refusesEnvironmentNamesThatCouldLeaveTheDirectory(String name) {
        Ledger ledger = ledger();
        assertThatThrownBy(() -> ledger.history(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot name a ledger file")
                .hasMessageContaining("rename the environment");
        assertThatThrownBy(() -> ledger.lock(name, null, "me")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsNamesUpToSixtyFourCharacters() {
        String longest = "p".repeat(64);
        Ledger ledger = ledger();
        ledger.append(Records.deployed(longest, null, "v1", "c", Outcome.SUCCEEDED));
        ledger.append(Records.deployed("eu-west_1.prod", null, "v1", "c", Outcome.SUCCEEDED));
        assertThat(ledger.environments()).containsExactly("eu-west_1.prod", longest);
        assertThatThrownBy(() -> ledger.history(longest + "p")).hasMessageContaining("1 to 64");
    }

    @Test
    void refusesARecordTooLongForOneLine() {
        LedgerRecord huge = Records.deployed("production", null, "v1", "c", Outcome.SUCCEEDED)
                .withEvidence("logs", "x".repeat(LedgerCodec.MAX_LINE_BYTES));
        Ledger ledger = ledger();
        assertThatThrownBy(() -> ledger.append(huge))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the limit is 1048576")
                .hasMessageContaining("keep less evidence");
        assertThat(ledger.history("production")).isEmpty();
    }

    @Test
    void environmentsAreThoseWithRecordsAndALockMakesNone() {
        Ledger ledger = ledger();
        assertThat(ledger.environments()).isEmpty();
        ledger.append(Records.deployed("staging", 1, "v1", "c", Outcome.SUCCEEDED));
        ledger.append(Records.deployed("production", null, "v1", "c", Outcome.SUCCEEDED));
        ledger.lock("qa", 1, "me").close();

        assertThat(ledger().environments()).containsExactly("production", "staging");
        assertThat(ledger.history("never-used")).isEmpty();
    }

    @Test
    void verificationLookUpsAnswerAsAFullReadDoes() {
        Ledger ledger = ledger();
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 300; i++) {
            String tag = "v1.0." + random.nextInt(12);
            String commit = "c" + random.nextInt(3);
            Outcome outcome = random.nextInt(4) == 0 ? Outcome.VERIFY_FAILED : Outcome.SUCCEEDED;
            ledger.append(
                    random.nextBoolean()
                            ? Records.verified("staging", 1 + random.nextInt(3), tag, commit, outcome)
                            : Records.deployed("staging", 1 + random.nextInt(3), tag, commit, outcome));
        }
        FullRead.assertSameAsAFullRead(ledger(), "staging");
    }
}
