package io.jenkins.plugins.releasepromotion.vars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import io.jenkins.plugins.releasepromotion.vars.PipelineHarness.Call;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The declarative Jenkinsfile template and the example Jenkinsfile, run on Groovy 2.4 with stand-in steps. */
class VarsTemplateTest {
    static final Path TEMPLATE =
            VarsReleasePipelineTest.ROOT.resolve("resources/io/jenkins/plugins/releasepromotion/Jenkinsfile.template");

    static PipelineHarness healthy(String startedBy) {
        return VarsReleasePipelineTest.healthy(startedBy).params(Map.of("TAG", "v1.2.0"));
    }

    @Test
    void promotesTheSameTagAndCommitStageByStageAndEndsWithASummary() {
        PipelineHarness h = healthy("carol");

        h.runTemplate(TEMPLATE);

        assertThat(h.calls("stage").stream().map(c -> c.positional().get(0)))
                .containsExactly("Checkout and gates", "Staging", "Approval", "Production");
        List<Call> deploys = h.calls("promoteTag").stream()
                .filter(c -> !Boolean.TRUE.equals(c.args().get("dryRun")))
                .toList();
        assertThat(deploys).extracting(c -> c.args().get("environment")).containsExactly("staging", "production");
        assertThat(deploys).extracting(c -> c.args().get("tag")).containsOnly("v1.2.0");
        assertThat(deploys.get(1).args()).containsEntry("approvedBy", "alice");
        assertThat(h.env()).containsEntry("RELEASE_COMMIT", VarsReleasePipelineTest.COMMIT);
        assertThat(VarsReleasePipelineTest.last(h.echoes()))
                .isEqualTo("[release-promotion] v1.2.0 (" + VarsReleasePipelineTest.COMMIT
                        + ") from staging slot 1 to production: SUCCEEDED, approved by alice");
    }

    @Test
    void takesEachLockBeforeItsAgentAndNeverWaitsForApprovalHoldingOne() {
        PipelineHarness h = healthy("carol");

        h.runTemplate(TEMPLATE);

        Call input = h.calls("input").get(0);
        assertThat(input.nodeDepth()).isZero();
        assertThat(input.locks()).isEmpty();
        assertThat(input.args())
                .containsEntry("submitter", "release-managers")
                .containsEntry("submitterParameter", "APPROVER");
        assertThat(h.calls("node"))
                .extracting(Call::locks)
                .containsExactly(
                        List.of(),
                        List.of("release-promotion/staging slot 1"),
                        List.of("release-promotion/production"));
        assertThat(h.calls("verifyDeployment").get(0).locks()).containsExactly("release-promotion/staging slot 1");
    }

    @Test
    void aRejectionEndsRejectedAndAnExpiryEndsExpired() {
        PipelineHarness rejected = healthy("carol").input(args -> {
            throw new Interrupted("Rejected by bob");
        });
        assertThatThrownBy(() -> rejected.runTemplate(TEMPLATE)).isInstanceOf(Interrupted.class);
        assertThat(rejected.build().getDescription()).isEqualTo("v1.2.0 to production: REJECTED");
        VarsReleasePipelineTest.assertRecordedRefusal(rejected, "REJECTED", null, "rejected by an approver");

        PipelineHarness expired = healthy("carol");
        expired.input(args -> expired.expire());
        assertThatThrownBy(() -> expired.runTemplate(TEMPLATE)).isInstanceOf(Interrupted.class);
        assertThat(expired.build().getDescription()).isEqualTo("v1.2.0 to production: EXPIRED");
        assertThat(VarsReleasePipelineTest.last(expired.echoes())).contains("to production: EXPIRED");
        assertThat(VarsReleasePipelineTest.productionDeploys(expired)).isEmpty();
        VarsReleasePipelineTest.assertRecordedRefusal(
                expired, "EXPIRED", null, "no answer within 60 minutes (0 of 1 approved)");
    }

    @Test
    void theStarterMayNotApproveWithoutABreakGlassReason() {
        PipelineHarness h = healthy("alice");

        assertThatThrownBy(() -> h.runTemplate(TEMPLATE))
                .isInstanceOf(PipelineError.class)
                .hasMessageContaining("alice started this build and may not approve it too");
        assertThat(VarsReleasePipelineTest.productionDeploys(h)).isEmpty();
        VarsReleasePipelineTest.assertRecordedRefusal(
                h, "REJECTED", "alice", "alice started this build and may not approve it too");
        assertThat(VarsReleasePipelineTest.last(h.echoes())).doesNotContain("approved by");

        PipelineHarness breakGlass = healthy("alice").input(args -> {
            Map<String, Object> answer = new HashMap<>(Environments.ticked("alice"));
            answer.put("BREAK_GLASS_REASON", "on-call alone");
            return answer;
        });
        breakGlass.runTemplate(TEMPLATE);
        assertThat(VarsReleasePipelineTest.productionDeploys(breakGlass).get(0).args())
                .hasEntrySatisfying(
                        "breakGlassReason", v -> assertThat(String.valueOf(v)).isEqualTo("on-call alone"));
    }

    @Test
    void aFailureInProductionRollsBackOnceUnderTheLock() {
        PipelineHarness h = healthy("carol")
                .ours("promoteTag", Environments.productionFails(VarsReleasePipelineTest.VERIFY_FAILED))
                .ours("releaseStatus", Environments.status(true));

        assertThatThrownBy(() -> h.runTemplate(TEMPLATE)).isInstanceOf(AbortException.class);

        assertThat(h.calls("rollbackTo")).singleElement().satisfies(c -> {
            assertThat(c.args()).containsEntry("environment", "production");
            assertThat(c.locks()).containsExactly("release-promotion/production");
        });
        assertThat(VarsReleasePipelineTest.last(h.echoes())).contains("ROLLED_BACK to v1.1.0");
    }

    @Test
    void aRefusalAtTheGatesOfTheProductionPromotionIsNotRolledBack() {
        PipelineHarness h = healthy("carol")
                .ours("promoteTag", Environments.productionFails(VarsReleasePipelineTest.REFUSED))
                .ours("releaseStatus", Environments.status(false));

        assertThatThrownBy(() -> h.runTemplate(TEMPLATE)).isInstanceOf(AbortException.class);

        assertThat(h.calls("rollbackTo")).isEmpty();
        assertThat(VarsReleasePipelineTest.last(h.echoes())).contains("to production: GATE_FAILED");
    }

    @Test
    void anAbortDuringTheProductionPromotionStartsNoRollback() {
        PipelineHarness h = healthy("carol").ours("promoteTag", args -> {
            if ("production".equals(args.get("environment")) && !Boolean.TRUE.equals(args.get("dryRun"))) {
                throw new Interrupted("Aborted by carol");
            }
            return Environments.promote(args);
        });

        assertThatThrownBy(() -> h.runTemplate(TEMPLATE)).isInstanceOf(Interrupted.class);

        assertThat(h.calls("rollbackTo")).isEmpty();
        assertThat(VarsReleasePipelineTest.last(h.echoes())).contains("INTERRUPTED", "releaseStatus", "rollbackTo");
    }

    @Test
    void eachStageChecksOutTheTagItselfAndNoStageChecksOutTheBranch() {
        PipelineHarness h = healthy("carol");

        h.runTemplate(TEMPLATE);

        assertThat(h.calls("checkout"))
                .hasSize(3)
                .allSatisfy(c -> assertThat(c.positional()).isEmpty())
                .allSatisfy(c ->
                        assertThat(String.valueOf(c.args().get("branches"))).contains("refs/tags/v1.2.0"));
    }

    @Test
    void withoutSkipDefaultCheckoutEveryStageAgentChecksOutTheBranch(@TempDir Path dir) throws Exception {
        Path jenkinsfile = dir.resolve("Jenkinsfile");
        Files.writeString(jenkinsfile, Files.readString(TEMPLATE).replace("        skipDefaultCheckout()\n", ""));
        PipelineHarness h = healthy("carol");

        h.runTemplate(jenkinsfile);

        assertThat(h.calls("checkout").stream().filter(c -> !c.positional().isEmpty()))
                .hasSize(3)
                .allSatisfy(c -> assertThat(c.positional()).containsExactly(h.scm()));
    }

    @Test
    void aGateRefusalOrAMissingTagStopsBeforeAnyLock() {
        PipelineHarness refused = healthy("carol").ours("promoteTag", args -> {
            Map<String, Object> result = new HashMap<>(Environments.promote(args));
            result.put("outcome", "GATE_FAILED");
            result.put("message", "v1.2.0 is not an annotated tag");
            return result;
        });
        assertThatThrownBy(() -> refused.runTemplate(TEMPLATE))
                .hasMessage("[release-promotion] Refused v1.2.0 to staging slot 1: v1.2.0 is not an annotated tag");
        assertThat(refused.calls("lock")).isEmpty();
        assertThat(VarsReleasePipelineTest.last(refused.echoes())).contains("GATE_FAILED");

        PipelineHarness noTag = healthy("carol").params(Map.of("TAG", " "));
        assertThatThrownBy(() -> noTag.runTemplate(TEMPLATE)).hasMessageContaining("Give the TAG parameter");
        assertThat(noTag.calls("promoteTag")).isEmpty();
    }

    @Test
    void theMinimalJenkinsfilesOfTheStepsPagePromoteWithTheApproverInTheSandbox(@TempDir Path dir) throws Exception {
        String page = Files.readString(VarsReleasePipelineTest.ROOT.resolve("docs/steps.md"));
        String section = page.substring(page.indexOf("## A minimal Jenkinsfile"), page.indexOf("## Console lines"));
        java.util.regex.Matcher blocks = java.util.regex.Pattern.compile(
                        "```groovy\n(.*?)```", java.util.regex.Pattern.DOTALL)
                .matcher(section);
        int forms = 0;
        while (blocks.find()) {
            Path jenkinsfile = dir.resolve("Jenkinsfile" + forms++);
            Files.writeString(jenkinsfile, blocks.group(1));
            PipelineHarness h = healthy("carol").sandboxed().input(args -> "alice");

            h.runTemplate(jenkinsfile);

            assertThat(h.calls("promoteTag"))
                    .extracting(c -> c.args().get("environment"))
                    .containsExactly("staging", "production");
            assertThat(h.calls("promoteTag").get(1).args()).containsEntry("approvedBy", "alice");
            assertThat(h.calls("promoteTag"))
                    .allSatisfy(c -> assertThat(c.nodeDepth()).isEqualTo(1));
            assertThat(h.calls("input")).singleElement().satisfies(c -> {
                assertThat(c.nodeDepth()).isZero();
                assertThat(c.args()).containsEntry("submitter", "release-managers");
            });
            assertThat(h.calls("checkout")).hasSize(2).allSatisfy(c -> assertThat(
                            String.valueOf(c.args().get("branches")))
                    .contains("refs/tags/v1.2.0"));
        }
        assertThat(forms).isEqualTo(2);
    }

    @Test
    void theExampleJenkinsfileCallsTheVar() {
        PipelineHarness h = healthy("carol").pool("staging-slots", "staging-slot-2");

        h.runTemplate(VarsReleasePipelineTest.ROOT.resolve("docs/examples/Jenkinsfile"));

        assertThat(h.calls("verifyDeployment").get(0).args()).containsEntry("slot", 2);
        assertThat(h.calls("timeout").get(0).args()).containsEntry("time", 240);
        assertThat(VarsReleasePipelineTest.last(h.echoes())).contains("SUCCEEDED, approved by alice");
    }
}
