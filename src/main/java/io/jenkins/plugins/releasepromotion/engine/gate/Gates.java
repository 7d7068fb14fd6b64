package io.jenkins.plugins.releasepromotion.engine.gate;

import io.jenkins.plugins.releasepromotion.engine.gate.Facts.Deployed;
import io.jenkins.plugins.releasepromotion.engine.model.ReleaseTag;
import java.util.List;

/** Evaluates every gate over the gathered facts. Pure: the same facts always give the same decision. */
public final class Gates {

    private static final List<PromotionGate> AFTER_TAG = List.of(
            new StagedFirstGate(),
            new ForwardOnlyGate(),
            new HotfixLineageGate(),
            new ChangelogGate(),
            new WindowAndFreezeGate(),
            new RollbackPlanGate(),
            new BackupGate(),
            new OneAtATimeGate(),
            new ApprovalGate());

    private Gates() {}

    public static GateDecision evaluate(GateFacts facts) {
        Findings findings = new Findings();
        ReleaseTag tag = TaggedOnlyGate.check(facts, findings);
        for (PromotionGate gate : AFTER_TAG) {
            gate.check(facts, tag, findings);
        }
        return new GateDecision(findings.violations(), findings.warnings(), plan(facts, tag));
    }

    private static PromotionPlan plan(GateFacts facts, ReleaseTag tag) {
        Deployed current = facts.current();
        Deployed rollback = facts.rollbackTarget();
        return new PromotionPlan(
                tag == null ? facts.tag().name() : tag.name(),
                facts.tag().commit(),
                facts.request().environment(),
                facts.request().slot(),
                current == null ? null : current.tag(),
                current == null ? null : current.commit(),
                rollback == null ? null : rollback.tag(),
                rollback == null ? null : rollback.commit(),
                facts.changelog().notes(),
                BackupGate.required(facts),
                facts.migrationChanges(),
                facts.environment().gates().approvers(),
                facts.environment().gates().approvals(),
                facts.request().windowOverrideReason(),
                facts.tag().committedAt());
    }
}
