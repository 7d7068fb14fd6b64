package io.jenkins.plugins.releasepromotion.steps;

import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.releasepromotion.action.ReleaseAction;
import io.jenkins.plugins.releasepromotion.engine.gate.Approval;
import io.jenkins.plugins.releasepromotion.engine.gate.PromotionPlan;
import io.jenkins.plugins.releasepromotion.engine.gate.PromotionRequest;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import io.jenkins.plugins.releasepromotion.engine.usecase.Approvals;
import io.jenkins.plugins.releasepromotion.engine.usecase.Engine;
import io.jenkins.plugins.releasepromotion.engine.usecase.PromoteRequest;
import io.jenkins.plugins.releasepromotion.engine.usecase.Promotion;
import io.jenkins.plugins.releasepromotion.engine.usecase.PromotionResult;
import java.io.IOException;
import java.io.Serial;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code promoteTag(tag: 'v1.2.3', environment: 'production')}: the gates, then the deploy, the verification and the
 * record, as the engine does them. Runs inside {@code node}: git and the deploy work in its workspace.
 */
public class PromoteTagStep extends Step {
    private static final Set<String> REFUSALS = Set.of(Outcome.REJECTED.name(), Outcome.EXPIRED.name());

    private final String tag;
    private final String environment;
    private Integer slot;
    private boolean dryRun;
    private boolean verify = true;
    private Boolean autoRollback;
    private String breakGlassReason;
    private String decisionReason;
    private String approvedBy;
    private String windowOverrideReason;
    private Outcome approvalDecision;

    @DataBoundConstructor
    public PromoteTagStep(String tag, String environment) {
        this.tag = tag;
        this.environment = environment;
    }

    public String getTag() {
        return tag;
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

    public boolean isDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    public boolean isVerify() {
        return verify;
    }

    @DataBoundSetter
    public void setVerify(boolean verify) {
        this.verify = verify;
    }

    public Boolean getAutoRollback() {
        return autoRollback;
    }

    @DataBoundSetter
    public void setAutoRollback(Boolean autoRollback) {
        this.autoRollback = autoRollback;
    }

    public String getBreakGlassReason() {
        return breakGlassReason;
    }

    /** Why the person who started the build may count as an approver; recorded. Nothing else. */
    @DataBoundSetter
    public void setBreakGlassReason(String breakGlassReason) {
        this.breakGlassReason = blankToNull(breakGlassReason);
    }

    public String getDecisionReason() {
        return decisionReason;
    }

    /** Why an approval was refused or expired, with {@link #setApprovalDecision}; recorded. */
    @DataBoundSetter
    public void setDecisionReason(String decisionReason) {
        this.decisionReason = blankToNull(decisionReason);
    }

    public String getApprovedBy() {
        return approvedBy;
    }

    @DataBoundSetter
    public void setApprovedBy(String approvedBy) {
        this.approvedBy = blankToNull(approvedBy);
    }

    public String getWindowOverrideReason() {
        return windowOverrideReason;
    }

    @DataBoundSetter
    public void setWindowOverrideReason(String windowOverrideReason) {
        this.windowOverrideReason = blankToNull(windowOverrideReason);
    }

    public String getApprovalDecision() {
        return approvalDecision == null ? null : approvalDecision.name();
    }

    /**
     * Records a refused approval instead of promoting: {@code REJECTED} or {@code EXPIRED}, with {@code approvedBy} as
     * who decided (when known) and {@code decisionReason} as why. Nothing is deployed.
     */
    @DataBoundSetter
    public void setApprovalDecision(String approvalDecision) {
        String decision = blankToNull(approvalDecision);
        if (decision == null) {
            this.approvalDecision = null;
        } else if (REFUSALS.contains(decision)) {
            this.approvalDecision = Outcome.valueOf(decision);
        } else {
            throw new IllegalArgumentException(Messages.PromoteTagStep_BadApprovalDecision(decision));
        }
    }

    /** @param approvals the approvals proven on the build (its input records), each with the approver's groups */
    PromoteRequest request(String actor, String buildUrl, List<Approval> approvals) {
        boolean planOnly = dryRun || approvalDecision != null;
        PromotionRequest gate = new PromotionRequest(
                tag, environment, slot, actor, approvals, windowOverrideReason, breakGlassReason, planOnly);
        return new PromoteRequest(gate, verify, autoRollback, buildUrl);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(this, context);
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Runs off the CPS thread; stopping it interrupts the work, and the ledger records how it ended. */
    static final class Execution extends WorkerExecution<LinkedHashMap<String, Object>> {
        @Serial
        private static final long serialVersionUID = 1L;

        private final transient PromoteTagStep step;

        Execution(PromoteTagStep step, StepContext context) {
            super(context);
            this.step = step;
        }

        @Override
        protected LinkedHashMap<String, Object> work(StepRun run) throws IOException, InterruptedException {
            Outcome decision = step.approvalDecision;
            if (decision != null) {
                return recordDecision(run, decision);
            }
            Engine engine = run.engine(step.environment);
            List<Approval> approvals = new RunApprovals(run, step.tag, step.environment).of(step.approvedBy);
            PromotionResult result = Aborts.guard(run, () -> new Promotion(engine)
                    .promote(step.request(run.actor(), run.buildUrl(), approvals), run.log()));
            if (!step.dryRun) {
                run.attach(new ReleaseAction(
                        "promotion",
                        result.environment(),
                        result.slot(),
                        result.tag(),
                        result.commit(),
                        result.outcome().name(),
                        names(approvals),
                        result.previousTag(),
                        result.releaseNotes(),
                        run.mask(result.message()),
                        result.reportJson()));
            }
            run.log()
                    .line(Messages.PromoteTagStep_Done(
                            result.tag(), where(result.environment(), result.slot()), result.outcome()));
            if (!result.succeeded() && !step.dryRun) {
                throw ConsoleLog.abort(run.mask(result.message()));
            }
            return Results.of(result);
        }

        /** The gates' plan names the tag's commit; the refusal is recorded against it, and nothing is deployed. */
        private LinkedHashMap<String, Object> recordDecision(StepRun run, Outcome decision)
                throws IOException, InterruptedException {
            Engine engine = run.engine(step.environment);
            List<Approval> refusedBy = new RunApprovals(run, step.tag, step.environment).refusedBy(step.approvedBy);
            PromotionResult planned = Aborts.guard(run, () -> new Promotion(engine)
                    .promote(step.request(run.actor(), run.buildUrl(), List.of()), line -> {}));
            PromotionPlan plan = planned.decision().plan();
            if (plan.commit() == null) {
                throw ConsoleLog.abort(
                        Messages.PromoteTagStep_DecisionWithoutCommit(decision, step.tag, run.mask(planned.message())));
            }
            String reason = step.decisionReason == null ? null : run.mask(step.decisionReason);
            LedgerRecord record =
                    new Approvals(engine).record(plan, run.actor(), refusedBy, decision, reason, null, run.buildUrl());
            String where = where(plan.environment(), plan.slot());
            String line = Messages.PromoteTagStep_DecisionRecorded(
                    plan.tag(), where, decision, reason == null ? "" : "(" + reason + ")");
            run.attach(new ReleaseAction(
                    "approval",
                    plan.environment(),
                    plan.slot(),
                    plan.tag(),
                    plan.commit(),
                    decision.name(),
                    names(refusedBy),
                    plan.rollbackTag(),
                    plan.releaseNotes(),
                    line,
                    null));
            run.log().line(line);
            return Results.of(record, plan);
        }
    }

    /** The approvers' user IDs, comma-separated, as the build page shows them; {@code null} for none. */
    static String names(List<Approval> approvals) {
        return approvals.isEmpty()
                ? null
                : String.join(",", approvals.stream().map(Approval::approver).toList());
    }

    static String where(String environment, Integer slot) {
        return slot == null ? environment : environment + " slot " + slot;
    }

    @Extension
    public static class DescriptorImpl extends WorkspaceStepDescriptor {
        @Override
        public String getFunctionName() {
            return "promoteTag";
        }

        /** The workspace's context, and the step's node in the flow graph, where the input steps before it are read. */
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            Set<Class<?>> context = new java.util.HashSet<>(super.getRequiredContext());
            context.add(FlowNode.class);
            return Set.copyOf(context);
        }

        @Override
        public String getDisplayName() {
            return Messages.PromoteTagStep_DisplayName();
        }

        @POST
        public FormValidation doCheckTag(@AncestorInPath Item item, @QueryParameter String value) {
            return StepForms.checkTag(item, value, true);
        }

        /**
         * The "(default)" choice of automatic rollback sends an empty value, which Stapler binds to
         * {@code Boolean.FALSE} for a {@code Boolean}; leaving the field out keeps the parameter unset, so the Snippet
         * Generator writes no {@code autoRollback} and the environment's default applies.
         */
        @Override
        public Step newInstance(StaplerRequest2 req, JSONObject formData) throws FormException {
            if ("".equals(formData.get("autoRollback"))) {
                formData.remove("autoRollback");
            }
            return super.newInstance(req, formData);
        }

        @POST
        public ListBoxModel doFillAutoRollbackItems() {
            ListBoxModel model = new ListBoxModel();
            model.add(Messages.PromoteTagStep_AutoRollbackDefault(), "");
            model.add(Messages.PromoteTagStep_AutoRollbackOn(), "true");
            model.add(Messages.PromoteTagStep_AutoRollbackOff(), "false");
            return model;
        }

        @POST
        public ListBoxModel doFillApprovalDecisionItems() {
            ListBoxModel model = new ListBoxModel();
            model.add(Messages.PromoteTagStep_ApprovalDecisionNone(), "");
            model.add(Messages.PromoteTagStep_ApprovalDecisionRejected(), Outcome.REJECTED.name());
            model.add(Messages.PromoteTagStep_ApprovalDecisionExpired(), Outcome.EXPIRED.name());
            return model;
        }
    }
}
