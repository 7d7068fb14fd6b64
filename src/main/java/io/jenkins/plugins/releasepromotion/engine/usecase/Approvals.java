package io.jenkins.plugins.releasepromotion.engine.usecase;

import io.jenkins.plugins.releasepromotion.engine.gate.PromotionPlan;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.ledger.RecordKind;
import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Records an approval decision in the ledger: given ({@code SUCCEEDED}), {@code REJECTED} or {@code EXPIRED}. The
 * deployment that follows an approval records the approver again; a refusal is recorded here alone.
 */
public final class Approvals {
    private static final Set<Outcome> DECISIONS = EnumSet.of(Outcome.SUCCEEDED, Outcome.REJECTED, Outcome.EXPIRED);

    private final Engine engine;

    public Approvals(Engine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /**
     * @param approver who decided; {@code null} when nobody did (no terminal, a timeout)
     * @param reason why, e.g. "no terminal to ask on and no --approved-by"; may be {@code null}
     * @return the record written
     */
    public LedgerRecord record(
            PromotionPlan plan, String actor, String approver, Outcome decision, String reason, String buildUrl) {
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
                .withApprover(approver)
                .withReason(reason)
                .withBuildUrl(buildUrl)
                .finish(decision, engine.clock().instant());
        engine.ledger().append(record);
        return record;
    }
}
