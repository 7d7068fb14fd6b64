package io.jenkins.plugins.releasepromotion.engine.verify;

import io.jenkins.plugins.releasepromotion.engine.config.CheckMode;
import io.jenkins.plugins.releasepromotion.engine.config.CheckType;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How one check of a verification ended.
 *
 * @param attempts how many attempts it made (0 when skipped)
 * @param message one line: the last attempt's result, or why it was skipped
 * @param evidence what the last attempt saw, masked, e.g. {@code version} to the JSON the application answered
 */
public record CheckResult(
        String name,
        CheckType type,
        CheckMode mode,
        CheckOutcome outcome,
        int attempts,
        Duration duration,
        String message,
        Map<String, String> evidence) {

    public CheckResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(outcome, "outcome");
        duration = duration == null ? Duration.ZERO : duration;
        message = message == null ? "" : message;
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence == null ? Map.of() : evidence));
    }

    /** A failure that fails the verification. */
    public boolean blocking() {
        return outcome == CheckOutcome.FAILED && mode == CheckMode.ENFORCE;
    }

    /** A failure shown as a warning only. */
    public boolean warning() {
        return outcome == CheckOutcome.FAILED && mode == CheckMode.WARN;
    }
}
