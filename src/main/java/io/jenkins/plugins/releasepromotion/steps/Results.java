package io.jenkins.plugins.releasepromotion.steps;

import io.jenkins.plugins.releasepromotion.engine.gate.PromotionPlan;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.usecase.PromotionResult;
import io.jenkins.plugins.releasepromotion.engine.usecase.RollbackResult;
import io.jenkins.plugins.releasepromotion.engine.usecase.SlotStatus;
import io.jenkins.plugins.releasepromotion.engine.usecase.VerifyResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * What the steps return to the Pipeline: maps of text, numbers and booleans. They serialize with the program's
 * state, and a sandboxed script reads them as {@code result.outcome} without any approval. No secret is ever in them.
 */
final class Results {

    private Results() {}

    static LinkedHashMap<String, Object> of(PromotionResult r) {
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        map.put("outcome", r.outcome().name());
        map.put("succeeded", r.succeeded());
        map.put("tag", r.tag());
        map.put("commit", r.commit());
        map.put("environment", r.environment());
        map.put("slot", r.slot());
        map.put("previousTag", r.previousTag());
        map.put("releaseNotes", r.releaseNotes());
        map.put("verification", r.verificationSummary());
        map.put("report", r.reportJson());
        map.put("message", r.message());
        map.put("recordId", r.recordId());
        // How many distinct approvers the environment needs: the var and the template ask input until they have them.
        map.put("approvals", r.decision() == null ? 1 : r.decision().plan().approvals());
        return map;
    }

    /** A recorded approval decision: {@code REJECTED} or {@code EXPIRED}; nothing was deployed. */
    static LinkedHashMap<String, Object> of(LedgerRecord decision, PromotionPlan plan) {
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        map.put("outcome", decision.outcome().name());
        map.put("succeeded", false);
        map.put("tag", plan.tag());
        map.put("commit", plan.commit());
        map.put("environment", plan.environment());
        map.put("slot", plan.slot());
        map.put("previousTag", plan.rollbackTag());
        map.put("approvedBy", decision.approver());
        map.put("reason", decision.reason());
        map.put("recordId", decision.id());
        return map;
    }

    static LinkedHashMap<String, Object> of(VerifyResult r) {
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        map.put("outcome", r.outcome().name());
        map.put("passed", r.passed());
        map.put("tag", r.tag());
        map.put("commit", r.commit());
        map.put("environment", r.environment());
        map.put("slot", r.slot());
        map.put("summary", r.summary());
        map.put("report", r.reportJson());
        return map;
    }

    static LinkedHashMap<String, Object> of(RollbackResult r) {
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        map.put("outcome", r.outcome().name());
        map.put("succeeded", r.succeeded());
        map.put("tag", r.tag());
        map.put("commit", r.commit());
        map.put("fromTag", r.fromTag());
        map.put("environment", r.environment());
        map.put("slot", r.slot());
        map.put("verification", r.verificationSummary());
        map.put("report", r.reportJson());
        map.put("message", r.message());
        map.put("recordId", r.recordId());
        return map;
    }

    static ArrayList<LinkedHashMap<String, Object>> of(List<SlotStatus> rows) {
        ArrayList<LinkedHashMap<String, Object>> list = new ArrayList<>();
        for (SlotStatus s : rows) {
            LinkedHashMap<String, Object> map = new LinkedHashMap<>();
            map.put("environment", s.environment());
            map.put("slot", s.slot());
            map.put("tag", s.tag());
            map.put("commit", s.commit());
            map.put("deployedAt", s.deployedAt() == null ? null : s.deployedAt().toString());
            map.put("liveTag", s.liveTag());
            map.put("liveCommit", s.liveCommit());
            map.put("health", s.health());
            map.put("drift", s.drift());
            map.put("problem", s.problem());
            map.put("inAgreement", s.inAgreement());
            map.put("uncertain", s.uncertain());
            list.add(map);
        }
        return list;
    }
}
