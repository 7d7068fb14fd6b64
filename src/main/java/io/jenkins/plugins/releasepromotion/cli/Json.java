package io.jenkins.plugins.releasepromotion.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jenkins.plugins.releasepromotion.engine.gate.GateDecision;
import io.jenkins.plugins.releasepromotion.engine.gate.GateViolation;
import io.jenkins.plugins.releasepromotion.engine.gate.PromotionPlan;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import io.jenkins.plugins.releasepromotion.engine.usecase.FanOutResult;
import io.jenkins.plugins.releasepromotion.engine.usecase.PromotionResult;
import io.jenkins.plugins.releasepromotion.engine.usecase.RollbackResult;
import io.jenkins.plugins.releasepromotion.engine.usecase.SlotStatus;
import io.jenkins.plugins.releasepromotion.engine.usecase.VerifyResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The command's JSON output, with the field names docs/cli.md documents. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {}

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static Map<String, Object> decision(GateDecision decision) {
        PromotionPlan plan = decision.plan();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("allowed", decision.allowed());
        out.put("tag", plan.tag());
        out.put("commit", plan.commit());
        out.put("environment", plan.environment());
        out.put("slot", plan.slot());
        out.put("violations", findings(decision.violations()));
        out.put("warnings", findings(decision.warnings()));
        Map<String, Object> planned = new LinkedHashMap<>();
        planned.put("currentTag", plan.currentTag());
        planned.put("rollbackTag", plan.rollbackTag());
        planned.put("rollbackCommit", plan.rollbackCommit());
        planned.put("backupRequired", plan.backupRequired());
        planned.put("migrationChanges", plan.migrationChanges());
        planned.put("approvers", plan.approvers());
        planned.put("releaseNotes", plan.releaseNotes());
        out.put("plan", planned);
        return out;
    }

    static Map<String, Object> promotion(PromotionResult result, String approvedBy) {
        Map<String, Object> out =
                head(result.outcome(), result.tag(), result.commit(), result.environment(), result.slot());
        out.put("previousTag", result.previousTag());
        out.put("approvedBy", approvedBy);
        out.put("message", result.message());
        out.put("recordId", result.recordId());
        out.put("decision", decision(result.decision()));
        out.put("verification", verification(result.verificationSummary(), result.reportJson()));
        return out;
    }

    static Map<String, Object> verification(VerifyResult result) {
        Map<String, Object> out =
                head(result.outcome(), result.tag(), result.commit(), result.environment(), result.slot());
        out.put("verification", verification(result.summary(), result.reportJson()));
        return out;
    }

    /** Several slots verified at once: the overall outcome, the counts, and each slot as {@code verify} shows one. */
    static Map<String, Object> verifications(FanOutResult result) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("outcome", result.outcome().name());
        out.put("exitCode", ExitCode.of(result.outcome()));
        out.put("environment", result.environment());
        out.put("passed", result.slots().stream().filter(VerifyResult::passed).count());
        out.put("failed", result.failedSlots());
        List<Map<String, Object>> slots = new ArrayList<>();
        for (VerifyResult slot : result.slots()) {
            Map<String, Object> one = verification(slot);
            one.put("verified", FanOutResult.verified(slot));
            slots.add(one);
        }
        out.put("slots", slots);
        return out;
    }

    static Map<String, Object> rollback(RollbackResult result) {
        Map<String, Object> out =
                head(result.outcome(), result.tag(), result.commit(), result.environment(), result.slot());
        out.put("fromTag", result.fromTag());
        out.put("message", result.message());
        out.put("recordId", result.recordId());
        out.put("verification", verification(result.verificationSummary(), result.reportJson()));
        return out;
    }

    static Map<String, Object> status(SlotStatus row) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("environment", row.environment());
        out.put("slot", row.slot());
        out.put("tag", row.tag());
        out.put("commit", row.commit());
        out.put("deployedAt", row.deployedAt() == null ? null : row.deployedAt().toString());
        out.put("liveTag", row.liveTag());
        out.put("liveCommit", row.liveCommit());
        out.put("health", row.health());
        out.put("inAgreement", row.inAgreement());
        out.put("drift", row.drift());
        out.put("problem", row.problem());
        out.put("uncertain", row.uncertain());
        out.put("breakGlassReason", row.breakGlassReason());
        return out;
    }

    /** The fields every operation's result starts with. */
    private static Map<String, Object> head(
            Outcome outcome, String tag, String commit, String environment, Integer slot) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("outcome", outcome.name());
        out.put("exitCode", ExitCode.of(outcome));
        out.put("tag", tag);
        out.put("commit", commit);
        out.put("environment", environment);
        out.put("slot", slot);
        return out;
    }

    /** {@code null} when nothing was verified; else the summary and the whole report as JSON. */
    private static Map<String, Object> verification(String summary, String reportJson) {
        if (summary == null && reportJson == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("summary", summary);
        out.put("report", reportJson == null ? null : tree(reportJson));
        return out;
    }

    private static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the verification report is not JSON", e);
        }
    }

    private static List<Map<String, String>> findings(List<GateViolation> findings) {
        return findings.stream()
                .map(v -> Map.of("code", v.code().name(), "gate", v.gate().name(), "message", v.message()))
                .toList();
    }
}
