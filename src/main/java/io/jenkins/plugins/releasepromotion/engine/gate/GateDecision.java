package io.jenkins.plugins.releasepromotion.engine.gate;

import java.util.List;
import java.util.Optional;

/** Allowed or refused, every violation and warning, and the plan. */
public record GateDecision(List<GateViolation> violations, List<GateViolation> warnings, PromotionPlan plan) {

    public GateDecision {
        violations = List.copyOf(violations);
        warnings = List.copyOf(warnings);
    }

    public boolean allowed() {
        return violations.isEmpty();
    }

    public Optional<GateViolation> violation(ViolationCode code) {
        return violations.stream().filter(v -> v.code() == code).findFirst();
    }

    public Optional<GateViolation> warning(ViolationCode code) {
        return warnings.stream().filter(v -> v.code() == code).findFirst();
    }

    /** The refusal in one paragraph, each violation on its own line. */
    public String summary() {
        if (allowed()) {
            return "Allowed: " + plan.tag() + " to " + Text.where(plan.environment(), plan.slot()) + ".";
        }
        StringBuilder out = new StringBuilder("Refused: " + violations.size() + " gate(s) failed.");
        violations.forEach(v -> out.append(System.lineSeparator()).append("  ").append(v));
        return out.toString();
    }
}
