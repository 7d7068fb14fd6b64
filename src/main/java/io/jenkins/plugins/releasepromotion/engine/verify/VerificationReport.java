package io.jenkins.plugins.releasepromotion.engine.verify;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.jenkins.plugins.releasepromotion.engine.config.CheckMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What a verification of a tag on an environment slot found, check by check. It holds no secret (messages and
 * evidence are masked as they are made), so it can go into the ledger, onto the build page and into a JSON file.
 *
 * @param slot the slot, or {@code null} for an environment without slots
 * @param checks in the order they ran
 */
@JsonPropertyOrder({"environment", "slot", "tag", "commit", "passed", "startedAt", "finishedAt", "checks"})
@JsonIgnoreProperties(value = "passed", allowGetters = true)
public record VerificationReport(
        String environment,
        Integer slot,
        String tag,
        String commit,
        Instant startedAt,
        Instant finishedAt,
        List<CheckResult> checks) {

    public VerificationReport {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        checks = List.copyOf(checks == null ? List.of() : checks);
    }

    /** True unless an enforced check failed: warnings and shadow checks never fail a verification. */
    @JsonProperty("passed")
    public boolean passed() {
        return checks.stream().noneMatch(CheckResult::blocking);
    }

    /** The failed checks in {@code warn} mode. */
    public List<CheckResult> warnings() {
        return checks.stream().filter(CheckResult::warning).toList();
    }

    /**
     * One line for the console and the build page, e.g. {@code v1.2.3 (commit 9d8e7f6) passed verification on
     * staging slot 1: 5 passed, 1 warning (no-critical-errors) (12.0 s)}. Shadow checks are counted, never shown as
     * failures.
     */
    public String summary() {
        List<String> parts = new ArrayList<>();
        List<String> failed = names(CheckResult::blocking);
        if (!failed.isEmpty()) {
            parts.add("failed: " + String.join(", ", failed));
        }
        count(parts, "passed", c -> c.mode() != CheckMode.SHADOW && c.outcome() == CheckOutcome.PASSED);
        List<String> warned = names(CheckResult::warning);
        if (!warned.isEmpty()) {
            parts.add(warned.size() + (warned.size() == 1 ? " warning (" : " warnings (") + String.join(", ", warned)
                    + ")");
        }
        count(parts, "skipped", c -> c.mode() != CheckMode.SHADOW && c.outcome() == CheckOutcome.SKIPPED);
        count(parts, "shadow", c -> c.mode() == CheckMode.SHADOW);
        String counts = parts.isEmpty() ? "no checks configured" : String.join(", ", parts);
        return tag + " (commit " + abbreviate(commit) + ") " + (passed() ? "passed" : "FAILED") + " verification on "
                + environment + (slot == null ? "" : " slot " + slot) + ": " + counts + " ("
                + Times.text(Duration.between(startedAt, finishedAt)) + ")";
    }

    /** The report as one line of JSON: stable field names, ISO-8601 times and durations, enums by name. */
    public String toJson() {
        return ReportJson.write(this);
    }

    /**
     * Reads a report written by {@link #toJson()}.
     *
     * @throws IllegalArgumentException with one line saying what is wrong with the text
     */
    public static VerificationReport fromJson(String json) {
        return ReportJson.read(json);
    }

    static String abbreviate(String commit) {
        return commit == null || commit.length() <= 7 ? String.valueOf(commit) : commit.substring(0, 7);
    }

    private List<String> names(Predicate<CheckResult> which) {
        return checks.stream().filter(which).map(CheckResult::name).toList();
    }

    private void count(List<String> parts, String label, Predicate<CheckResult> which) {
        long count = checks.stream().filter(which).count();
        if (count > 0) {
            parts.add(count + " " + label);
        }
    }
}
