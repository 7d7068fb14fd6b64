package io.jenkins.plugins.releasepromotion.engine.usecase;

import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig;
import io.jenkins.plugins.releasepromotion.engine.gate.GateDecision;
import io.jenkins.plugins.releasepromotion.engine.gate.GateViolation;
import io.jenkins.plugins.releasepromotion.engine.gate.Gates;
import io.jenkins.plugins.releasepromotion.engine.gate.PromotionPlan;
import io.jenkins.plugins.releasepromotion.engine.gate.PromotionRequest;
import io.jenkins.plugins.releasepromotion.engine.ledger.DeploymentLock;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerLockedException;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.ledger.RecordKind;
import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import io.jenkins.plugins.releasepromotion.engine.port.LogSink;
import java.util.stream.Collectors;

/**
 * Promotes a release tag onto an environment slot, as the mission does it: gates, lock (taken only once the gates
 * allow it), the gates again under the lock, rollback plan, backup, maintenance mode, deploy, verification, record;
 * one automatic rollback when verification fails. Every path ends with exactly one terminal ledger record with a
 * named outcome; a dry run records nothing.
 */
public final class Promotion {
    private final Engine engine;

    public Promotion(Engine engine) {
        this.engine = engine;
    }

    public PromotionResult promote(PromoteRequest request, LogSink log) {
        PromotionRequest gate = request.gate();
        EnvironmentConfig env = Targets.environment(engine.config(), gate.environment());
        Targets.checkSlot(env, gate.slot());
        // Decided first without the lock, so a refused promotion never holds it; decided again under it.
        GateDecision first = decide(gate, request, false);
        if (gate.dryRun()) {
            report(first, log);
            return result(first, first.allowed() ? Outcome.SUCCEEDED : Outcome.GATE_FAILED, null);
        }
        if (!first.allowed()) {
            return refuse(request, first, log);
        }
        DeploymentLock lock;
        try {
            lock = engine.ledger().lock(env.name(), gate.slot(), request.holder());
        } catch (LedgerLockedException e) {
            return refuse(request, decide(gate, request, false), log);
        }
        try (lock) {
            GateDecision decision = decide(gate, request, true);
            if (!decision.allowed()) {
                return refuse(request, decision, log);
            }
            report(decision, log);
            log.line(decision.plan().rollbackLine());
            LedgerRecord started = started(request, decision.plan());
            engine.ledger().append(started);
            return new PromotionRun(engine, env, request, decision, started, log).execute();
        }
    }

    private GateDecision decide(PromotionRequest gate, PromoteRequest request, boolean underLock) {
        GateFactsGatherer gatherer = engine.gatherer();
        return Gates.evaluate(underLock ? gatherer.gatherUnderLock(gate) : gatherer.gather(gate));
    }

    private PromotionResult refuse(PromoteRequest request, GateDecision decision, LogSink log) {
        report(decision, log);
        PromotionPlan plan = decision.plan();
        LedgerRecord record = LedgerRecord.started(
                        RecordKind.DEPLOYMENT,
                        plan.environment(),
                        plan.slot(),
                        DisplayText.of(plan.tag()),
                        plan.commit(),
                        request.gate().actor(),
                        engine.clock().instant())
                .withBuildUrl(request.buildUrl())
                .withEvidence(
                        "violations",
                        decision.violations().stream()
                                .map(GateViolation::toString)
                                .collect(Collectors.joining("\n")))
                .finish(Outcome.GATE_FAILED, engine.clock().instant());
        engine.ledger().append(record);
        return result(decision, Outcome.GATE_FAILED, record.id());
    }

    private LedgerRecord started(PromoteRequest request, PromotionPlan plan) {
        PromotionRequest gate = request.gate();
        String reason = gate.windowOverrideReason() != null
                ? "window override: " + gate.windowOverrideReason()
                : gate.breakGlassReason() != null ? "break-glass: " + gate.breakGlassReason() : null;
        LedgerRecord record = LedgerRecord.started(
                        RecordKind.DEPLOYMENT,
                        plan.environment(),
                        plan.slot(),
                        plan.tag(),
                        plan.commit(),
                        gate.actor(),
                        engine.clock().instant())
                .withApprovals(Approvals.ledgerForm(gate.approvals()), gate.breakGlassReason())
                .withBuildUrl(request.buildUrl())
                .withReason(reason)
                .withPrevious(plan.currentTag(), plan.currentCommit());
        // The lead time for changes runs from this commit time to the deployment's success.
        return plan.committedAt() == null
                ? record
                : record.withEvidence(
                        LedgerRecord.COMMITTED_AT, plan.committedAt().toString());
    }

    private static void report(GateDecision decision, LogSink log) {
        decision.warnings().forEach(w -> log.line("WARNING " + w));
        decision.violations().forEach(v -> log.line("REFUSED " + v));
    }

    private static PromotionResult result(GateDecision decision, Outcome outcome, String recordId) {
        PromotionPlan plan = decision.plan();
        String tag = DisplayText.of(plan.tag());
        String message = decision.allowed()
                ? "Gates allow " + tag + " to " + where(plan) + "."
                : decision.summary().lines().findFirst().orElse("Refused.") + " " + tag + " to " + where(plan) + ": "
                        + decision.violations().get(0).message();
        return PromotionResult.of(decision, outcome, null, message, recordId);
    }

    static String where(PromotionPlan plan) {
        return plan.slot() == null ? plan.environment() : plan.environment() + " slot " + plan.slot();
    }
}
