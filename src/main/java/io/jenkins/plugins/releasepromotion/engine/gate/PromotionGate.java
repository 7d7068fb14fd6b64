package io.jenkins.plugins.releasepromotion.engine.gate;

import io.jenkins.plugins.releasepromotion.engine.model.ReleaseTag;

/** One rule over the facts. {@code tag} is {@code null} when the name given is not a usable release tag. */
interface PromotionGate {
    void check(GateFacts facts, ReleaseTag tag, Findings out);
}
