package io.jenkins.plugins.releasepromotion.engine.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules of the version endpoint's answer ({@code branch}, {@code commit_sha}, {@code environment}, {@code slot},
 * {@code deployed_at}), each broken rule one sentence naming what was seen and what was expected.
 */
final class VersionMatch {
    /** Shorter commit prefixes are ambiguous in a repository of any size. */
    static final int MIN_COMMIT_PREFIX = 7;

    private VersionMatch() {}

    static List<String> problems(JsonNode json, CheckContext context) {
        VerificationTarget target = context.target();
        String where = context.where();
        List<String> problems = new ArrayList<>();
        String branch = JsonText.field(json, "branch");
        String commit = JsonText.field(json, "commit_sha");
        if (!target.tag().equals(branch) || !commitMatches(commit, target.commit())) {
            problems.add(where + " reports " + (branch == null ? "no tag" : context.shown(branch)) + " (commit "
                    + shownCommit(commit, context) + "), expected " + target.tag() + " (commit "
                    + VerificationReport.abbreviate(target.commit()) + ")");
        }
        String environment = JsonText.field(json, "environment");
        if (environment != null && !environment.equals(target.environment().name())) {
            problems.add(where + " reports environment " + context.shown(environment) + "; the url of "
                    + target.environment().name() + " leads to another environment");
        }
        if (target.environment().hasSlots() && target.slot() != null) {
            String slot = JsonText.field(json, "slot");
            if (!target.slot().toString().equals(slot)) {
                problems.add(where + " reports " + (slot == null ? "no slot" : "slot " + context.shown(slot))
                        + "; the url of slot " + target.slot() + " leads elsewhere, or the app does not know its slot");
            }
        }
        String deployedAt = deployedAt(JsonText.field(json, "deployed_at"), context);
        if (deployedAt != null) {
            problems.add(deployedAt);
        }
        return problems;
    }

    /** The full commit, or a prefix of at least {@link #MIN_COMMIT_PREFIX} characters of it, in any case. */
    static boolean commitMatches(String reported, String expected) {
        if (reported == null) {
            return false;
        }
        String seen = reported.trim().toLowerCase(Locale.ROOT);
        String full = expected.toLowerCase(Locale.ROOT);
        return seen.equals(full) || (seen.length() >= MIN_COMMIT_PREFIX && full.startsWith(seen));
    }

    private static String shownCommit(String commit, CheckContext context) {
        if (commit == null) {
            return "none";
        }
        String shown = context.shown(VerificationReport.abbreviate(commit.trim()));
        return commit.trim().length() < MIN_COMMIT_PREFIX
                ? shown + ", too short to tell: report at least " + MIN_COMMIT_PREFIX + " characters"
                : shown;
    }

    private static String deployedAt(String raw, CheckContext context) {
        VerificationTarget target = context.target();
        String where = context.where();
        if (raw == null) {
            return target.deployStartedAt() == null
                    ? null
                    : where + " reports no deployed_at, so it cannot show it restarted after this deploy started at "
                            + target.deployStartedAt();
        }
        Instant at = instant(raw);
        if (at == null) {
            return where + " reports deployed_at " + context.shown(raw)
                    + ", which is not an ISO-8601 time like 2025-01-22T10:30:00Z";
        }
        if (target.deployStartedAt() != null && at.isBefore(target.deployStartedAt())) {
            return where + " was deployed at " + at + ", before this deploy started at " + target.deployStartedAt()
                    + "; the new version is not up yet";
        }
        return null;
    }

    /** ISO-8601 with an offset, or without one read as UTC (as Python's {@code utcnow().isoformat()} writes it). */
    static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text.trim()).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }
}
