package io.jenkins.plugins.releasepromotion.engine.gate;

import java.util.Objects;

/** One finding of a gate: a refusal or a warning, with a stable code and one line naming value, rule and way out. */
public record GateViolation(ViolationCode code, String message) {

    public GateViolation {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public Gate gate() {
        return code.gate();
    }

    @Override
    public String toString() {
        return code + ": " + message;
    }
}
