package io.jenkins.plugins.releasepromotion.action;

import hudson.model.Run;
import io.jenkins.plugins.releasepromotion.engine.report.Tile;
import io.jenkins.plugins.releasepromotion.engine.verify.CheckResult;
import io.jenkins.plugins.releasepromotion.engine.verify.VerificationReport;
import java.io.IOException;
import java.util.List;
import jenkins.model.RunAction2;

/**
 * One promotion, verification, rollback or refused approval of a build: a summary on the build page (tag, environment, outcome, the
 * checks, the approver) and a page with the full report. It holds what the ledger holds, never a secret.
 */
public final class ReleaseAction implements RunAction2 {
    private final String operation;
    private final String environment;
    private final Integer slot;
    private final String tag;
    private final String commit;
    private final String outcome;
    private final String approvedBy;
    private final String previousTag;
    private final String releaseNotes;
    private final String message;
    private final String reportJson;
    private String urlName;
    private transient Run<?, ?> run;

    /**
     * @param operation {@code promotion}, {@code verification}, {@code rollback} or {@code approval} (a refusal)
     * @param reportJson the verification report, {@code null} when nothing was verified
     */
    public ReleaseAction(
            String operation,
            String environment,
            Integer slot,
            String tag,
            String commit,
            String outcome,
            String approvedBy,
            String previousTag,
            String releaseNotes,
            String message,
            String reportJson) {
        this.operation = operation;
        this.environment = environment;
        this.slot = slot;
        this.tag = tag;
        this.commit = commit;
        this.outcome = outcome;
        this.approvedBy = approvedBy;
        this.previousTag = previousTag;
        this.releaseNotes = releaseNotes;
        this.message = message;
        this.reportJson = reportJson;
    }

    /**
     * Adds the action to the build under its own URL ({@code release-1}, {@code release-2}, ...) and saves it. Branches
     * of a {@code parallel} step attach to the same build at once, and the build's action list takes no lock between
     * reading and adding, so the number is chosen and the action added while holding the build's monitor.
     */
    public static ReleaseAction attach(Run<?, ?> run, ReleaseAction action) throws IOException {
        synchronized (run) {
            action.urlName = "release-" + (run.getActions(ReleaseAction.class).size() + 1);
            run.addAction(action);
        }
        run.save();
        return action;
    }

    @Override
    public String getIconFileName() {
        return "symbol-paper-plane-outline";
    }

    @Override
    public String getDisplayName() {
        return Messages.ReleaseAction_DisplayName(getOperationName(), tag == null ? "" : tag, getWhere());
    }

    @Override
    public String getUrlName() {
        return urlName;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    public Run<?, ?> getRun() {
        return run;
    }

    public String getOperation() {
        return operation;
    }

    public String getOperationName() {
        return switch (operation) {
            case "verification" -> Messages.ReleaseAction_Verification();
            case "rollback" -> Messages.ReleaseAction_Rollback();
            case "approval" -> Messages.ReleaseAction_Approval();
            default -> Messages.ReleaseAction_Promotion();
        };
    }

    public String getEnvironment() {
        return environment;
    }

    public Integer getSlot() {
        return slot;
    }

    /** The environment, and its slot when it has slots. */
    public String getWhere() {
        return slot == null ? environment : environment + " slot " + slot;
    }

    /**
     * The anchor of this environment slot's tile on the Releases page ({@code env-staging-1}), so the build links to
     * {@code releases/#env-staging-1}; {@code null} when the action names no environment.
     */
    public String getReleasesAnchor() {
        return environment == null ? null : Tile.anchor(environment, slot);
    }

    public String getTag() {
        return tag;
    }

    public String getCommit() {
        return commit;
    }

    public String getShortCommit() {
        return commit == null ? null : commit.substring(0, Math.min(7, commit.length()));
    }

    public String getOutcome() {
        return outcome;
    }

    public boolean isSucceeded() {
        return "SUCCEEDED".equals(outcome);
    }

    public String getApprovedBy() {
        return approvedBy;
    }

    public String getPreviousTag() {
        return previousTag;
    }

    public String getReleaseNotes() {
        return releaseNotes;
    }

    public String getMessage() {
        return message;
    }

    public String getReportJson() {
        return reportJson;
    }

    /** The checks of the verification, in the order they ran; empty when nothing was verified. */
    public List<CheckResult> getChecks() {
        VerificationReport report = getReport();
        return report == null ? List.of() : report.checks();
    }

    public VerificationReport getReport() {
        if (reportJson == null) {
            return null;
        }
        try {
            return VerificationReport.fromJson(reportJson);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
