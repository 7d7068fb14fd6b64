package io.jenkins.plugins.releasepromotion.vars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.groovy.cps.Outcome;
import java.io.NotSerializableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every entry point of the library through Pipeline's CPS transformer, serialized and read back at every step. */
class VarsCpsTest {

    @Test
    void releasePipelineSurvivesASerializationAtEveryStep() throws Exception {
        PipelineHarness steps = VarsReleasePipelineTest.healthy("carol");
        CpsCheck check = new CpsCheck(VarsReleasePipelineTest.ROOT, steps);

        Outcome outcome = check.runVar("releasePipeline", VarsReleasePipelineTest.config());

        assertThat(outcome.getAbnormal()).isNull();
        assertThat(outcome.getNormal()).asString().contains("outcome=SUCCEEDED");
        assertThat(check.mismatches()).isEmpty();
        assertThat(check.resumes()).isGreaterThan(20);
        assertThat(steps.echoes()).last().asString().contains("SUCCEEDED, approved by alice");
    }

    @Test
    void releasePipelineFromAPoolAndThroughARollbackSurvivesToo() throws Exception {
        PipelineHarness steps = VarsReleasePipelineTest.healthy("carol")
                .ours("promoteTag", Environments.productionFails(VarsReleasePipelineTest.VERIFY_FAILED))
                .ours("releaseStatus", Environments.status(true));
        CpsCheck check = new CpsCheck(VarsReleasePipelineTest.ROOT, steps).pool("staging-slots", "staging-slot-2");
        Map<String, Object> config = VarsReleasePipelineTest.config();
        config.remove("stagingSlot");
        config.put("stagingSlotPool", "staging-slots");

        Outcome outcome = check.runVar("releasePipeline", config);

        assertThat(outcome.getAbnormal()).hasMessageContaining("Verification of v1.2.0 on production failed");
        assertThat(check.mismatches()).isEmpty();
        assertThat(steps.calls("rollbackTo")).hasSize(1);
        assertThat(steps.calls("verifyDeployment").get(0).args()).containsEntry("slot", 2);
    }

    @Test
    void theStarterRefusedAndAnInvalidConfigurationEndAsErrorsNotAsCpsFailures() throws Exception {
        PipelineHarness steps = VarsReleasePipelineTest.healthy("alice");
        CpsCheck check = new CpsCheck(VarsReleasePipelineTest.ROOT, steps);

        assertThat(check.runVar("releasePipeline", VarsReleasePipelineTest.config())
                        .getAbnormal())
                .isInstanceOf(PipelineError.class)
                .hasMessageContaining("may not approve it too");
        assertThat(VarsReleasePipelineTest.recordedDecisions(steps))
                .singleElement()
                .satisfies(c -> assertThat(c.args()).containsEntry("approvalDecision", "REJECTED"));
        assertThat(check.runVar("releasePipeline", Map.of("tag", "v1.2.0")).getAbnormal())
                .isInstanceOf(PipelineError.class)
                .hasMessageContaining("needs approvers");
        assertThat(check.mismatches()).isEmpty();
    }

    @Test
    void aMatcherKeptAcrossAStepFailsTheCheck(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("vars"));
        Files.writeString(
                root.resolve("vars/probe.groovy"),
                "def call(Map config) { def m = ('v1.2.0' =~ /v(\\d+)/); echo 'between'; echo m[0][1] }");
        CpsCheck check = new CpsCheck(root, new PipelineHarness(root, "carol"));

        assertThatThrownBy(() -> check.runVar("probe", Map.of()))
                .isInstanceOf(NotSerializableException.class)
                .hasMessageContaining("java.util.regex.Matcher");
    }

    @Test
    void theTemplateAndTheExampleSurviveASerializationAtEveryStep() throws Exception {
        PipelineHarness steps = VarsReleasePipelineTest.healthy("carol");
        CpsCheck check = new CpsCheck(VarsReleasePipelineTest.ROOT, steps);

        Outcome outcome = check.runTemplate(VarsTemplateTest.TEMPLATE, Map.of("TAG", "v1.2.0"));

        assertThat(outcome.getAbnormal()).isNull();
        assertThat(check.mismatches()).isEmpty();
        assertThat(steps.calls("promoteTag")).hasSize(5);
        assertThat(steps.echoes()).last().asString().endsWith("to production: SUCCEEDED, approved by alice");

        PipelineHarness example = VarsReleasePipelineTest.healthy("carol");
        CpsCheck exampleCheck =
                new CpsCheck(VarsReleasePipelineTest.ROOT, example).pool("staging-slots", "staging-slot-1");
        assertThat(exampleCheck
                        .runTemplate(
                                VarsReleasePipelineTest.ROOT.resolve("docs/examples/Jenkinsfile"),
                                Map.of("TAG", "v1.2.0"))
                        .getAbnormal())
                .isNull();
        assertThat(exampleCheck.mismatches()).isEmpty();
    }

    @Test
    void theTemplateRecordsARefusalFromTheApprovalStagesPostThroughTheCpsTransformerToo() throws Exception {
        PipelineHarness steps = VarsReleasePipelineTest.healthy("carol").input(args -> {
            throw new Interrupted("Rejected by bob");
        });
        CpsCheck check = new CpsCheck(VarsReleasePipelineTest.ROOT, steps);

        Outcome outcome = check.runTemplate(VarsTemplateTest.TEMPLATE, Map.of("TAG", "v1.2.0"));

        assertThat(outcome.getAbnormal()).isInstanceOf(Interrupted.class);
        assertThat(check.mismatches()).isEmpty();
        assertThat(VarsReleasePipelineTest.recordedDecisions(steps))
                .singleElement()
                .satisfies(c -> assertThat(c.args()).containsEntry("approvalDecision", "REJECTED"));
        assertThat(VarsReleasePipelineTest.productionDeploys(steps)).isEmpty();
    }

    @Test
    void theTemplateFailingInProductionRollsBackThroughTheCpsTransformerToo() throws Exception {
        PipelineHarness steps = VarsReleasePipelineTest.healthy("carol")
                .ours("promoteTag", Environments.productionFails(VarsReleasePipelineTest.VERIFY_FAILED))
                .ours("releaseStatus", Environments.status(true));
        CpsCheck check = new CpsCheck(VarsReleasePipelineTest.ROOT, steps);

        Outcome outcome = check.runTemplate(VarsTemplateTest.TEMPLATE, Map.of("TAG", "v1.2.0"));

        assertThat(outcome.getAbnormal()).hasMessageContaining("Verification of v1.2.0 on production failed");
        assertThat(check.mismatches()).isEmpty();
        assertThat(steps.calls("rollbackTo")).hasSize(1);
        assertThat(steps.echoes()).last().asString().contains("ROLLED_BACK to v1.1.0");
    }
}
