package io.jenkins.plugins.releasepromotion.engine.usecase;

import io.jenkins.plugins.releasepromotion.engine.gate.PromotionRequest;
import java.util.Objects;

/**
 * A promotion as a pipeline or a release manager asks for it.
 *
 * @param verify run the environment's checks after the deploy (default true)
 * @param autoRollback roll back once to the previous good tag when verification or the bake window fails; {@code
 *     null} means on for production environments, off elsewhere
 * @param buildUrl where it was asked from (a Jenkins build URL), recorded
 */
public record PromoteRequest(PromotionRequest gate, boolean verify, Boolean autoRollback, String buildUrl) {

    public PromoteRequest {
        Objects.requireNonNull(gate, "gate");
    }

    public static PromoteRequest of(PromotionRequest gate) {
        return new PromoteRequest(gate, true, null, null);
    }

    /** Who holds the lock, as others are told: the build, or the person. */
    String holder() {
        String who = gate.actor() == null ? "someone" : gate.actor();
        return buildUrl == null ? who : who + " (" + buildUrl + ")";
    }
}
