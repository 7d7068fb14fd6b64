package io.jenkins.plugins.releasepromotion.steps;

import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.releasepromotion.action.ReleaseAction;
import io.jenkins.plugins.releasepromotion.engine.usecase.VerifyDeployment;
import io.jenkins.plugins.releasepromotion.engine.usecase.VerifyRequest;
import io.jenkins.plugins.releasepromotion.engine.usecase.VerifyResult;
import java.io.IOException;
import java.io.Serial;
import java.util.LinkedHashMap;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code verifyDeployment(environment: 'staging', slot: 1)}: runs the environment's checks against what runs there
 * and records the result; a pass is the attestation a later promotion needs.
 */
public class VerifyDeploymentStep extends Step {
    private final String environment;
    private Integer slot;
    private String tag;
    private boolean failOnError = true;

    @DataBoundConstructor
    public VerifyDeploymentStep(String environment) {
        this.environment = environment;
    }

    public String getEnvironment() {
        return environment;
    }

    public Integer getSlot() {
        return slot;
    }

    @DataBoundSetter
    public void setSlot(Integer slot) {
        this.slot = slot;
    }

    public String getTag() {
        return tag;
    }

    @DataBoundSetter
    public void setTag(String tag) {
        this.tag = PromoteTagStep.blankToNull(tag);
    }

    public boolean isFailOnError() {
        return failOnError;
    }

    @DataBoundSetter
    public void setFailOnError(boolean failOnError) {
        this.failOnError = failOnError;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(this, context);
    }

    static final class Execution extends WorkerExecution<LinkedHashMap<String, Object>> {
        @Serial
        private static final long serialVersionUID = 1L;

        private final transient VerifyDeploymentStep step;

        Execution(VerifyDeploymentStep step, StepContext context) {
            super(context);
            this.step = step;
        }

        @Override
        protected LinkedHashMap<String, Object> work(StepRun run) throws IOException, InterruptedException {
            VerifyResult result = Aborts.guard(run, () -> new VerifyDeployment(run.engine(step.environment))
                    .verify(
                            new VerifyRequest(step.environment, step.slot, step.tag, run.actor(), run.buildUrl()),
                            run.log()));
            run.attach(new ReleaseAction(
                    "verification",
                    result.environment(),
                    result.slot(),
                    result.tag(),
                    result.commit(),
                    result.outcome().name(),
                    null,
                    null,
                    null,
                    run.mask(result.summary()),
                    result.reportJson()));
            if (!result.passed() && step.failOnError) {
                throw ConsoleLog.abort(run.mask(result.summary()));
            }
            return Results.of(result);
        }
    }

    @Extension
    public static class DescriptorImpl extends WorkspaceStepDescriptor {
        @Override
        public String getFunctionName() {
            return "verifyDeployment";
        }

        @Override
        public String getDisplayName() {
            return Messages.VerifyDeploymentStep_DisplayName();
        }

        @POST
        public FormValidation doCheckTag(@AncestorInPath Item item, @QueryParameter String value) {
            return StepForms.checkTag(item, value, false);
        }
    }
}
