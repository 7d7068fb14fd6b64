package io.jenkins.plugins.releasepromotion.steps;

import hudson.Extension;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.releasepromotion.engine.usecase.SlotStatus;
import io.jenkins.plugins.releasepromotion.engine.usecase.Status;
import java.io.IOException;
import java.io.Serial;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code releaseStatus()}: what runs where, per environment and slot, the ledger beside what each slot reports on its
 * version endpoint, with drift named. It reads the ledger here; inside {@code node} it asks the environments over
 * HTTP from that agent (never from the controller); outside one it reports the ledger alone and says so.
 */
public class ReleaseStatusStep extends Step {
    private String environment;

    @DataBoundConstructor
    public ReleaseStatusStep() {}

    public String getEnvironment() {
        return environment;
    }

    @DataBoundSetter
    public void setEnvironment(String environment) {
        this.environment = PromoteTagStep.blankToNull(environment);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(this, context);
    }

    static final class Execution extends WorkerExecution<ArrayList<LinkedHashMap<String, Object>>> {
        @Serial
        private static final long serialVersionUID = 1L;

        private final transient ReleaseStatusStep step;

        Execution(ReleaseStatusStep step, StepContext context) {
            super(context);
            this.step = step;
        }

        @Override
        protected ArrayList<LinkedHashMap<String, Object>> work(StepRun run) throws IOException, InterruptedException {
            AgentLive live = run.live();
            if (live == null) {
                run.log().line(Messages.ReleaseStatusStep_NotLive());
            }
            List<SlotStatus> rows =
                    Aborts.guard(run, () -> new Status(run.config(), run.ledger(), live, live).of(step.environment));
            for (SlotStatus s : rows) {
                String where = PromoteTagStep.where(s.environment(), s.slot());
                String line = s.tag() == null
                        ? Messages.ReleaseStatusStep_Nothing(where)
                        : Messages.ReleaseStatusStep_Runs(where, s.tag(), s.liveTag() == null ? "-" : s.liveTag());
                line = s.drift() == null ? line : line + " " + Messages.ReleaseStatusStep_Drift(s.drift());
                run.log()
                        .line(s.problem() == null ? line : line + " " + Messages.ReleaseStatusStep_Unread(s.problem()));
            }
            return Results.of(rows);
        }
    }

    @Extension
    public static class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "releaseStatus";
        }

        @Override
        public String getDisplayName() {
            return Messages.ReleaseStatusStep_DisplayName();
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        @POST
        public ListBoxModel doFillEnvironmentItems(@AncestorInPath Item item) {
            return StepForms.environments(item, true);
        }
    }
}
