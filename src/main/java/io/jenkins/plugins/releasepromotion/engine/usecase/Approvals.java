package io.jenkins.plugins.releasepromotion.engine.usecase;

import io.jenkins.plugins.releasepromotion.engine.gate.Approval;
import io.jenkins.plugins.releasepromotion.engine.gate.PromotionPlan;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.ledger.RecordKind;
import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Records an approval decision in the ledger: given ({@code SUCCEEDED}), {@code REJECTED} or {@code EXPIRED}, with
 * every approver, how each was proven and the break-glass reason. The deployment that follows an approval records the
 * approvers again; a refusal is recorded here alone.
 */
public final class Approvals {
    private static final Set<Outcome> DECISIONS = EnumSet.of(Outcome.SUCCEEDED, Outcome.REJECTED, Outcome.EXPIRED);

    private final Engine engine;

    public Approvals(Engine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /**
     * @param approvals who decided, each with its proof; empty when nobody did (no terminal, a timeout)
     * @param reason why, e.g. "no terminal to ask on and no --approved-by"; may be {@code null}
     * @param breakGlassReason why the starter may count as an approver; {@code null} when not given
     * @return the record written
     */
    public LedgerRecord record(
            PromotionPlan plan,
            String actor,
            List<Approval> approvals,
            Outcome decision,
            String reason,
            String breakGlassReason,
            String buildUrl) {
        if (!DECISIONS.contains(decision)) {
            throw new IllegalArgumentException(
                    "An approval ends SUCCEEDED, REJECTED or EXPIRED, not " + decision + ".");
        }
        LedgerRecord record = LedgerRecord.started(
                        RecordKind.APPROVAL,
                        plan.environment(),
                        plan.slot(),
                        DisplayText.of(plan.tag()),
                        plan.commit(),
                        actor,
                        engine.clock().instant())
                .withApprovals(ledgerForm(approvals), breakGlassReason)
                .withReason(reason)
                .withBuildUrl(buildUrl)
                .finish(decision, engine.clock().instant());
        engine.ledger().append(record);
        return record;
    }

    /** The approvals as the ledger keeps them: each approver's name and proof (their groups are not kept). */
    static List<LedgerRecord.Approver> ledgerForm(List<Approval> approvals) {
        return approvals == null
                ? List.of()
                : approvals.stream()
                        .map(a -> new LedgerRecord.Approver(a.approver(), a.proof()))
                        .toList();
    }
}
