package io.jenkins.plugins.releasepromotion.steps;

import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.releasepromotion.action.ReleaseAction;
import io.jenkins.plugins.releasepromotion.engine.usecase.Rollback;
import io.jenkins.plugins.releasepromotion.engine.usecase.RollbackRequest;
import io.jenkins.plugins.releasepromotion.engine.usecase.RollbackResult;
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
 * {@code rollbackTo(environment: 'production')}: back to the previous good tag (or a named one that succeeded there,
 * or any with {@code force} and a reason), deployed, verified and recorded. Windows and freezes do not apply.
 */
public class RollbackToStep extends Step {
    private final String environment;
    private Integer slot;
    private String tag;
    private boolean force;
    private String reason;

    @DataBoundConstructor
    public RollbackToStep(String environment) {
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

    public boolean isForce() {
        return force;
    }

    @DataBoundSetter
    public void setForce(boolean force) {
        this.force = force;
    }

    public String getReason() {
        return reason;
    }

    @DataBoundSetter
    public void setReason(String reason) {
        this.reason = PromoteTagStep.blankToNull(reason);
    }

    RollbackRequest request(String actor, String buildUrl) {
        return new RollbackRequest(environment, slot, tag, force, reason, actor, buildUrl, true);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(this, context);
    }

    static final class Execution extends WorkerExecution<LinkedHashMap<String, Object>> {
        @Serial
        private static final long serialVersionUID = 1L;

        private final transient RollbackToStep step;

        Execution(RollbackToStep step, StepContext context) {
            super(context);
            this.step = step;
        }

        @Override
        protected LinkedHashMap<String, Object> work(StepRun run) throws IOException, InterruptedException {
            RollbackResult result = Aborts.guard(run, () -> new Rollback(run.engine(step.environment))
                    .rollback(step.request(run.actor(), run.buildUrl()), run.log()));
            run.attach(new ReleaseAction(
                    "rollback",
                    result.environment(),
                    result.slot(),
                    result.tag(),
                    result.commit(),
                    result.outcome().name(),
                    null,
                    result.fromTag(),
                    null,
                    run.mask(result.message()),
                    result.reportJson()));
            run.log()
                    .line(Messages.RollbackToStep_Done(
                            result.tag(), PromoteTagStep.where(result.environment(), result.slot()), result.outcome()));
            if (!result.succeeded()) {
                throw ConsoleLog.abort(run.mask(result.message()));
            }
            return Results.of(result);
        }
    }

    @Extension
    public static class DescriptorImpl extends WorkspaceStepDescriptor {
        @Override
        public String getFunctionName() {
            return "rollbackTo";
        }

        @Override
        public String getDisplayName() {
            return Messages.RollbackToStep_DisplayName();
        }

        @POST
        public FormValidation doCheckTag(@AncestorInPath Item item, @QueryParameter String value) {
            return StepForms.checkTag(item, value, false);
        }
    }
}
