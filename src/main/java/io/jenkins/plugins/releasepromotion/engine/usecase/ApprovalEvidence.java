package io.jenkins.plugins.releasepromotion.engine.usecase;

import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig;
import io.jenkins.plugins.releasepromotion.engine.gate.GateDecision;
import io.jenkins.plugins.releasepromotion.engine.gate.PromotionPlan;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an approver sees before saying yes: the tag and commit, the release notes, the staging attestation and the
 * mission's pre-deployment checklist, each item with the evidence behind it. Built from a gate decision that allows
 * the promotion, so every item the gates cover has passed; the evidence says how.
 *
 * @param attestation the newest passing verification of the same tag and commit on the environment it promotes from;
 *     {@code null} when the environment promotes from none
 */
public record ApprovalEvidence(
        String tag,
        String commit,
        String environment,
        Integer slot,
        String releaseNotes,
        LedgerRecord attestation,
        List<ChecklistItem> checklist) {

    public ApprovalEvidence {
        checklist = List.copyOf(checklist);
    }

    /**
     * One line of the checklist: the item as the mission words it, and what shows it holds.
     *
     * @param applies false for an item that does not apply here (no backup configured): shown, but not ticked
     */
    public record ChecklistItem(String item, String evidence, boolean applies) {
        public ChecklistItem(String item, String evidence) {
            this(item, evidence, true);
        }
    }

    /** The evidence for a promotion the gates allow. */
    public static ApprovalEvidence of(Engine engine, GateDecision decision) {
        PromotionPlan plan = decision.plan();
        EnvironmentConfig env = Targets.environment(engine.config(), plan.environment());
        String from = env.gates().promotesFrom();
        Optional<LedgerRecord> attested = from == null || plan.commit() == null
                ? Optional.empty()
                : engine.ledger().attestations(from, plan.tag(), plan.commit()).stream()
                        .findFirst();
        List<ChecklistItem> items = new ArrayList<>();
        String tag = DisplayText.of(plan.tag());
        items.add(new ChecklistItem(
                "Tag exists and matches what was tested on staging",
                "annotated tag " + tag + " at commit " + plan.commit()
                        + attested.map(a -> ", the commit " + from + " verified")
                                .orElse("")));
        items.add(new ChecklistItem(
                "Staging verification complete",
                attested.map(ApprovalEvidence::describe)
                        .orElse(
                                from == null
                                        ? "not required: " + env.name() + " promotes from no environment"
                                        : "none")));
        items.add(backup(env, plan));
        items.add(new ChecklistItem(
                "Deployment window scheduled (if applicable)",
                plan.windowOverrideReason() != null
                        ? "outside the window, overridden: " + plan.windowOverrideReason()
                        : env.gates().windows().isEmpty()
                                        && env.gates().freezes().isEmpty()
                                ? "no windows or freezes configured"
                                : "inside a deployment window, outside every freeze"));
        items.add(new ChecklistItem("Rollback plan ready", plan.rollbackLine()));
        return new ApprovalEvidence(
                tag, plan.commit(), plan.environment(), plan.slot(), plan.releaseNotes(), attested.orElse(null), items);
    }

    private static ChecklistItem backup(EnvironmentConfig env, PromotionPlan plan) {
        String item = "Database backup created (if needed)";
        if (plan.backupRequired()) {
            return new ChecklistItem(
                    item,
                    "migrations changed (" + String.join(", ", plan.migrationChanges())
                            + "); the backup command runs before the deploy");
        }
        if (env.backup() == null || env.backup().command().isEmpty()) {
            return new ChecklistItem(item, "no backup configured for " + env.name(), false);
        }
        return new ChecklistItem(
                item,
                "not needed: no migration changed since "
                        + Optional.ofNullable(plan.currentTag()).orElse("the start"));
    }

    private static String describe(LedgerRecord attestation) {
        String where = attestation.slot() == null
                ? attestation.environment()
                : attestation.environment() + " slot " + attestation.slot();
        String summary = attestation.evidence().getOrDefault("summary", "passed");
        return where + " at " + attestation.finishedAt() + ": " + summary;
    }
}
