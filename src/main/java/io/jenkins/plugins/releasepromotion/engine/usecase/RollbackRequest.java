package io.jenkins.plugins.releasepromotion.engine.usecase;

import java.util.Objects;

/**
 * A rollback as a pipeline or a release manager asks for it.
 *
 * @param tag the tag to go back to; {@code null} means the most recent tag that succeeded there and is older than the current one
 * @param force allow a tag that never succeeded there; needs a {@code reason}
 * @param reason why, recorded
 */
public record RollbackRequest(
        String environment,
        Integer slot,
        String tag,
        boolean force,
        String reason,
        String actor,
        String buildUrl,
        boolean verify) {

    public RollbackRequest {
        Objects.requireNonNull(environment, "environment");
        tag = tag == null || tag.isBlank() ? null : tag;
        reason = reason == null || reason.isBlank() ? null : reason;
    }

    public static RollbackRequest toPrevious(String environment, Integer slot) {
        return new RollbackRequest(environment, slot, null, false, null, null, null, true);
    }
}
