package io.jenkins.plugins.releasepromotion.engine.gate;

import java.util.ArrayList;
import java.util.List;

/** Collects what the gates found: refusals and warnings, in gate order. */
final class Findings {
    private final List<GateViolation> violations = new ArrayList<>();
    private final List<GateViolation> warnings = new ArrayList<>();

    void refuse(ViolationCode code, String message) {
        violations.add(new GateViolation(code, message));
    }

    void warn(ViolationCode code, String message) {
        warnings.add(new GateViolation(code, message));
    }

    /** Refuses, or only warns when {@code warnOnly}. */
    void refuseOrWarn(boolean warnOnly, ViolationCode code, String message) {
        if (warnOnly) {
            warn(code, message);
        } else {
            refuse(code, message);
        }
    }

    List<GateViolation> violations() {
        return List.copyOf(violations);
    }

    List<GateViolation> warnings() {
        return List.copyOf(warnings);
    }
}
