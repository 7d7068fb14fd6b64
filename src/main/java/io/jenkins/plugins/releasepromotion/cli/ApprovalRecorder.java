package io.jenkins.plugins.releasepromotion.cli;

import io.jenkins.plugins.releasepromotion.engine.gate.Approval;
import io.jenkins.plugins.releasepromotion.engine.gate.GateViolation;
import io.jenkins.plugins.releasepromotion.engine.gate.PromotionPlan;
import io.jenkins.plugins.releasepromotion.engine.gate.PromotionRequest;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import io.jenkins.plugins.releasepromotion.engine.usecase.Approvals;
import io.jenkins.plugins.releasepromotion.engine.usecase.Engine;
import java.util.List;
import java.util.stream.Collectors;

/** Writes the command line's approval decisions to the ledger: who approved, how it was proven, or why it was not. */
final class ApprovalRecorder {
    private final Approvals approvals;
    private final PromotionPlan plan;
    private final PromotionRequest gate;

    ApprovalRecorder(Engine engine, PromotionPlan plan, PromotionRequest gate) {
        this.approvals = new Approvals(engine);
        this.plan = plan;
        this.gate = gate;
    }

    void decided(List<Approval> given, Outcome outcome, String reason) {
        approvals.record(plan, gate.actor(), given, outcome, reason, gate.breakGlassReason(), null);
    }

    /** Approvals that do not count: {@code REJECTED}, with every refusal as the reason. */
    void refused(List<Approval> given, List<GateViolation> refusals) {
        decided(
                given,
                Outcome.REJECTED,
                refusals.stream().map(GateViolation::toString).collect(Collectors.joining("\n")));
    }
}
