package io.jenkins.plugins.releasepromotion.engine.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.releasepromotion.engine.deploy.DeployTarget;
import io.jenkins.plugins.releasepromotion.engine.gate.PromotionRequest;
import io.jenkins.plugins.releasepromotion.engine.gate.ViolationCode;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.ledger.RecordKind;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mission's flows end to end: real deploy script, real app processes, real checks, ledger on disk. */
class FlowTest {
    @TempDir
    Path tmp;

    private FlowSandbox sandbox;
    private Engine engine;

    @BeforeEach
    void setUp() throws Exception {
        sandbox = new FlowSandbox(tmp);
        engine = sandbox.engine();
    }

    @AfterEach
    void tearDown() {
        sandbox.close();
    }

    @Test
    void stagingThenProductionOfTheSameTagAndCommit() {
        PromotionResult staged = promote("v1.1.0", "staging", 1);
        assertThat(staged.outcome()).as(staged.message()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(sandbox.ledger.attestations("staging", "v1.1.0", staged.commit()))
                .hasSize(1);

        PromotionResult released = promote("v1.1.0", "production", null);
        assertThat(released.outcome()).as(released.message()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(released.commit()).isEqualTo(staged.commit());
        assertThat(released.releaseNotes()).contains("Campaigns");
        LedgerRecord running = sandbox.ledger.current("production", null).orElseThrow();
        assertThat(running.tag()).isEqualTo("v1.1.0");
        // The lead time for changes runs from the commit's own time, which the deployment records.
        assertThat(running.evidence().get(LedgerRecord.COMMITTED_AT))
                .isEqualTo(sandbox.git.resolveTag("v1.1.0").committedAt().toString());
        List<SlotStatus> status =
                new Status(sandbox.config, sandbox.ledger, engine.live(), new HttpLive(Duration.ofSeconds(5))).of(null);
        assertThat(status).filteredOn(s -> s.tag() != null).allSatisfy(s -> {
            assertThat(s.liveTag()).isEqualTo("v1.1.0");
            assertThat(s.health()).isEqualTo("ok");
            assertThat(s.inAgreement()).isTrue();
        });
    }

    @Test
    void anUntestedTagIsRefusedAndNothingIsDeployed() {
        PromotionResult refused = promote("v1.1.0", "production", null);
        assertThat(refused.outcome()).isEqualTo(Outcome.GATE_FAILED);
        assertThat(refused.decision().violation(ViolationCode.NOT_STAGED)).isPresent();
        assertThat(Files.exists(tmp.resolve("production/.sample/app.pid"))).isFalse();
        List<LedgerRecord> history = sandbox.ledger.history("production");
        assertThat(history).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.GATE_FAILED);
            assertThat(r.evidence().get("violations")).contains("NOT_STAGED");
        });
    }

    @Test
    void hotfixFromTheProductionTagThenRollbackToThePreviousGoodTag() {
        release("v1.1.0", 1);
        release("v1.1.1", 2);
        assertThat(sandbox.ledger.current("production", null).orElseThrow().tag())
                .isEqualTo("v1.1.1");

        RollbackResult back =
                new Rollback(engine).rollback(RollbackRequest.toPrevious("production", null), sandbox.log::add);
        assertThat(back.outcome()).as(back.message()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(back.tag()).isEqualTo("v1.1.0");
        assertThat(back.fromTag()).isEqualTo("v1.1.1");
        LedgerRecord current = sandbox.ledger.current("production", null).orElseThrow();
        assertThat(current.kind()).isEqualTo(RecordKind.ROLLBACK);
        assertThat(current.tag()).isEqualTo("v1.1.0");
        assertThat(new HttpLive(Duration.ofSeconds(5))
                        .read(sandbox.config.environment("production").orElseThrow(), null)
                        .tag())
                .isEqualTo("v1.1.0");
    }

    @Test
    void aFailedBakeWindowRollsBackOnce() {
        release("v1.1.0", 1);
        PromotionResult staged = promote("v1.2.0", "staging", 2);
        assertThat(staged.outcome()).as(staged.message()).isEqualTo(Outcome.SUCCEEDED);

        PromotionResult bad = promote("v1.2.0", "production", null);
        assertThat(bad.outcome()).as(bad.message()).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(bad.message()).contains("bake window").contains("rolled back to v1.1.0");
        assertThat(sandbox.ledger.current("production", null).orElseThrow().tag())
                .isEqualTo("v1.1.0");
        List<LedgerRecord> finished = sandbox.ledger.history("production").stream()
                .filter(LedgerRecord::isFinished)
                .toList();
        assertThat(finished)
                .extracting(r -> r.kind() + " " + r.tag() + " " + r.outcome())
                .endsWith(
                        "VERIFICATION v1.2.0 SUCCEEDED",
                        "VERIFICATION v1.2.0 VERIFY_FAILED",
                        "VERIFICATION v1.1.0 SUCCEEDED",
                        "ROLLBACK v1.1.0 SUCCEEDED",
                        "DEPLOYMENT v1.2.0 ROLLED_BACK");
        assertThat(sandbox.ledger.interrupted("production")).isEmpty();
    }

    @Test
    void verifyOnItsOwnAndDriftWhenSomeoneDeploysBehindTheLedgersBack() throws Exception {
        PromotionResult staged = promote("v1.0.0", "staging", 1);
        assertThat(staged.outcome()).as(staged.message()).isEqualTo(Outcome.SUCCEEDED);
        VerifyResult again = new VerifyDeployment(engine)
                .verify(new VerifyRequest("staging", 1, null, "bob", null), sandbox.log::add);
        assertThat(again.outcome()).as(again.summary()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(sandbox.ledger.attestations("staging", "v1.0.0", staged.commit()))
                .hasSize(2);

        // A manual deploy of v1.1.0 outside the product: the ledger still says v1.0.0.
        var env = sandbox.config.environment("staging").orElseThrow();
        var target = new DeployTarget(
                env, 1, "v1.1.0", sandbox.git.resolveTag("v1.1.0").commit());
        var method = engine.deployMethods().open(env);
        assertThat(method.runner()
                        .run(method.deployCommand(target), sandbox.log::add)
                        .succeeded())
                .isTrue();

        VerifyResult stale = new VerifyDeployment(engine)
                .verify(new VerifyRequest("staging", 1, null, "bob", null), sandbox.log::add);
        assertThat(stale.outcome()).isEqualTo(Outcome.VERIFY_FAILED);
        assertThat(stale.summary()).contains("v1.0.0");
        SlotStatus slot = new Status(sandbox.config, sandbox.ledger, engine.live(), null)
                .of("staging")
                .get(0);
        assertThat(slot.drift()).isEqualTo("the ledger says v1.0.0, it reports v1.1.0");
        PromotionResult refused = promote("v1.0.0", "production", null);
        assertThat(refused.decision().violation(ViolationCode.LATER_FAILED_VERIFICATION))
                .isPresent();
    }

    /** Staged on a slot, then promoted to production; both must succeed. */
    private void release(String tag, int slot) {
        PromotionResult staged = promote(tag, "staging", slot);
        assertThat(staged.outcome()).as(staged.message()).isEqualTo(Outcome.SUCCEEDED);
        PromotionResult released = promote(tag, "production", null);
        assertThat(released.outcome()).as(released.message()).isEqualTo(Outcome.SUCCEEDED);
    }

    private PromotionResult promote(String tag, String environment, Integer slot) {
        return new Promotion(engine)
                .promote(
                        PromoteRequest.of(
                                new PromotionRequest(tag, environment, slot, "alice", null, null, null, false)),
                        sandbox.log::add);
    }
}
