package io.jenkins.plugins.releasepromotion.engine.gate;

import java.time.Instant;
import java.util.List;

/**
 * What a promotion will do, shown before it does it: the tag and commit, what runs now, the rollback target (the
 * mission's "know the previous tag"), the release notes for the approver, and whether a backup runs first.
 *
 * @param rollbackTag {@code null} on a first deployment, or where no older good tag is recorded
 * @param approvers who may approve; empty when the environment asks for no approval
 * @param approvals how many distinct approvers it needs when there are approvers
 * @param committedAt the time of the tag's commit; {@code null} when it was not read
 */
public record PromotionPlan(
        String tag,
        String commit,
        String environment,
        Integer slot,
        String currentTag,
        String currentCommit,
        String rollbackTag,
        String rollbackCommit,
        String releaseNotes,
        boolean backupRequired,
        List<String> migrationChanges,
        List<String> approvers,
        int approvals,
        String windowOverrideReason,
        Instant committedAt) {

    public PromotionPlan {
        migrationChanges = migrationChanges == null ? List.of() : List.copyOf(migrationChanges);
        approvers = approvers == null ? List.of() : List.copyOf(approvers);
    }

    /** One line for the console: the rollback plan printed before deploying. */
    public String rollbackLine() {
        String where = Text.where(environment, slot);
        if (rollbackTag == null && currentTag != null) {
            return "Rollback plan for " + where + ": none known; " + currentTag + " runs there and no older good tag"
                    + " is recorded.";
        }
        if (rollbackTag == null) {
            return "Rollback plan for " + where + ": none, this is the first deployment there.";
        }
        return "Rollback plan for " + where + ": " + rollbackTag + " (" + Text.shortCommit(rollbackCommit) + ")";
    }
}
