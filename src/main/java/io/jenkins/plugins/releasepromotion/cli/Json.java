package io.jenkins.plugins.releasepromotion.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jenkins.plugins.releasepromotion.engine.gate.GateDecision;
import io.jenkins.plugins.releasepromotion.engine.gate.GateViolation;
import io.jenkins.plugins.releasepromotion.engine.gate.PromotionPlan;
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

    private static List<Map<String, String>> findings(List<GateViolation> findings) {
        return findings.stream()
                .map(v -> Map.of("code", v.code().name(), "gate", v.gate().name(), "message", v.message()))
                .toList();
    }
}
