package io.jenkins.plugins.releasepromotion.steps;

import org.jvnet.localizer.ResourceBundleHolder;

/** The user-visible strings of this package, from {@code Messages.properties} beside this class. */
public final class Messages {
    private static final ResourceBundleHolder HOLDER = ResourceBundleHolder.get(Messages.class);

    private Messages() {}

    public static String PromoteTagStep_DisplayName() {
        return HOLDER.format("PromoteTagStep.DisplayName");
    }

    public static String PromoteTagStep_Done(Object arg0, Object arg1, Object arg2) {
        return HOLDER.format("PromoteTagStep.Done", arg0, arg1, arg2);
    }

    public static String VerifyDeploymentStep_DisplayName() {
        return HOLDER.format("VerifyDeploymentStep.DisplayName");
    }

    public static String RollbackToStep_DisplayName() {
        return HOLDER.format("RollbackToStep.DisplayName");
    }

    public static String RollbackToStep_Done(Object arg0, Object arg1, Object arg2) {
        return HOLDER.format("RollbackToStep.Done", arg0, arg1, arg2);
    }

    public static String ReleaseStatusStep_DisplayName() {
        return HOLDER.format("ReleaseStatusStep.DisplayName");
    }

    public static String ReleaseStatusStep_Nothing(Object arg0) {
        return HOLDER.format("ReleaseStatusStep.Nothing", arg0);
    }

    public static String ReleaseStatusStep_Runs(Object arg0, Object arg1, Object arg2) {
        return HOLDER.format("ReleaseStatusStep.Runs", arg0, arg1, arg2);
    }

    public static String ReleaseStatusStep_Drift(Object arg0) {
        return HOLDER.format("ReleaseStatusStep.Drift", arg0);
    }

    public static String ReleaseStatusStep_NotLive() {
        return HOLDER.format("ReleaseStatusStep.NotLive");
    }

    public static String ReleaseStatusStep_Unread(Object arg0) {
        return HOLDER.format("ReleaseStatusStep.Unread", arg0);
    }

    public static String StepRun_UnknownEnvironment(Object arg0, Object arg1) {
        return HOLDER.format("StepRun.UnknownEnvironment", arg0, arg1);
    }

    public static String RunApprovals_NotRecorded(Object arg0, Object arg1, Object arg2, Object arg3, Object arg4) {
        return HOLDER.format("RunApprovals.NotRecorded", arg0, arg1, arg2, arg3, arg4);
    }

    public static String RunApprovals_After(Object arg0, Object arg1, Object arg2) {
        return HOLDER.format("RunApprovals.After", arg0, arg1, arg2);
    }

    public static String RunApprovals_NamedOnly() {
        return HOLDER.format("RunApprovals.NamedOnly");
    }

    public static String ApproverIdentities_NoSuchUser(Object arg0) {
        return HOLDER.format("ApproverIdentities.NoSuchUser", arg0);
    }

    public static String ApproverIdentities_UnknownToRealm(Object arg0) {
        return HOLDER.format("ApproverIdentities.UnknownToRealm", arg0);
    }

    public static String ApproverIdentities_RealmFailed(Object arg0, Object arg1) {
        return HOLDER.format("ApproverIdentities.RealmFailed", arg0, arg1);
    }

    public static String WorkerExecution_GaveUp(Object arg0) {
        return HOLDER.format("WorkerExecution.GaveUp", arg0);
    }

    public static String WorkerExecution_Restarted() {
        return HOLDER.format("WorkerExecution.Restarted");
    }

    public static String StepRun_NoWorkspace() {
        return HOLDER.format("StepRun.NoWorkspace");
    }

    public static String StepForms_AllEnvironments() {
        return HOLDER.format("StepForms.AllEnvironments");
    }

    public static String StepForms_EnvironmentRequired() {
        return HOLDER.format("StepForms.EnvironmentRequired");
    }

    public static String StepForms_TagRequired() {
        return HOLDER.format("StepForms.TagRequired");
    }

    public static String StepForms_NotAReleaseTag(Object arg0) {
        return HOLDER.format("StepForms.NotAReleaseTag", arg0);
    }

    public static String PromoteTagStep_AutoRollbackDefault() {
        return HOLDER.format("PromoteTagStep.AutoRollbackDefault");
    }

    public static String PromoteTagStep_AutoRollbackOn() {
        return HOLDER.format("PromoteTagStep.AutoRollbackOn");
    }

    public static String PromoteTagStep_AutoRollbackOff() {
        return HOLDER.format("PromoteTagStep.AutoRollbackOff");
    }

    public static String PromoteTagStep_ApprovalDecisionNone() {
        return HOLDER.format("PromoteTagStep.ApprovalDecisionNone");
    }

    public static String PromoteTagStep_ApprovalDecisionRejected() {
        return HOLDER.format("PromoteTagStep.ApprovalDecisionRejected");
    }

    public static String PromoteTagStep_ApprovalDecisionExpired() {
        return HOLDER.format("PromoteTagStep.ApprovalDecisionExpired");
    }

    public static String PromoteTagStep_BadApprovalDecision(Object arg0) {
        return HOLDER.format("PromoteTagStep.BadApprovalDecision", arg0);
    }

    public static String PromoteTagStep_DecisionWithoutCommit(Object arg0, Object arg1, Object arg2) {
        return HOLDER.format("PromoteTagStep.DecisionWithoutCommit", arg0, arg1, arg2);
    }

    public static String PromoteTagStep_DecisionRecorded(Object arg0, Object arg1, Object arg2, Object arg3) {
        return HOLDER.format("PromoteTagStep.DecisionRecorded", arg0, arg1, arg2, arg3);
    }
}
