package io.jenkins.plugins.releasepromotion.vars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness itself: what it refuses is what keeps the vars' tests honest. */
class VarsHarnessTest {
    @TempDir
    Path root;

    @Test
    void readsOurStepsParametersFromTheStepClasses() {
        OurSteps.Signature promote = OurSteps.all().get("promoteTag");

        assertThat(promote.required()).containsExactly("tag", "environment");
        assertThat(promote.optional())
                .contains(
                        "slot",
                        "dryRun",
                        "verify",
                        "autoRollback",
                        "approvedBy",
                        "breakGlassReason",
                        "decisionReason",
                        "windowOverrideReason")
                .doesNotContain("reason");
        assertThat(OurSteps.all().get("rollbackTo").required()).containsExactly("environment");
        assertThat(OurSteps.all().get("releaseStatus").required()).isEmpty();
    }

    @Test
    void aParameterTheStepDoesNotDeclareFailsEvenWhenTheVarCatchesErrors() throws IOException {
        var(
                "probe",
                "def call() { try { rollbackTo(environment: 'production', slotNumber: 1) } catch (err) { echo 'swallowed' } }");
        PipelineHarness h = new PipelineHarness(root, "carol").ours("rollbackTo", args -> args);

        assertThatThrownBy(() -> h.runVar("probe"))
                .isInstanceOf(HarnessViolation.class)
                .hasMessageContaining("rollbackTo does not declare the parameter 'slotNumber'");
        assertThat(h.echoes()).containsExactly("swallowed");
    }

    @Test
    void aMissingRequiredParameterFails() throws IOException {
        var("probe", "def call() { promoteTag(tag: 'v1.2.0') }");
        PipelineHarness h = new PipelineHarness(root, "carol").ours("promoteTag", args -> args);

        assertThatThrownBy(() -> h.runVar("probe"))
                .hasMessageContaining("promoteTag needs its parameter 'environment'");
    }

    @Test
    void anUnregisteredStepFailsEvenWhenTheVarCatchesErrors() throws IOException {
        var("probe", "def call() { try { sh 'deploy.sh' } catch (err) { echo 'swallowed' } }");
        PipelineHarness h = new PipelineHarness(root, "carol");

        assertThatThrownBy(() -> h.runVar("probe"))
                .isInstanceOf(HarnessViolation.class)
                .hasMessageContaining("step 'sh' is not registered");
        assertThat(h.echoes()).containsExactly("swallowed");
    }

    @Test
    void oneVarCallsAnotherThroughItsCall() throws IOException {
        var("greeting", "def call(String who) { echo \"hello ${who}\" }");
        var("probe", "def call() { greeting('alice') }");
        PipelineHarness h = new PipelineHarness(root, "carol");

        h.runVar("probe");

        assertThat(h.echoes()).containsExactly("hello alice");
    }

    private void var(String name, String text) throws IOException {
        Files.createDirectories(root.resolve("vars"));
        Files.writeString(root.resolve("vars").resolve(name + ".groovy"), text);
    }
}
