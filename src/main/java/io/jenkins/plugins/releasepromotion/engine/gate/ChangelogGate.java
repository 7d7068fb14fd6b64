package io.jenkins.plugins.releasepromotion.engine.gate;

import io.jenkins.plugins.releasepromotion.engine.model.ReleaseTag;

/** The tag's changelog entry exists and says something; its text becomes the release notes shown to the approver. */
final class ChangelogGate implements PromotionGate {

    @Override
    public void check(GateFacts facts, ReleaseTag tag, Findings out) {
        if (tag != null && facts.changelog().problem() != null) {
            out.refuse(ViolationCode.CHANGELOG_PROBLEM, facts.changelog().problem());
        }
    }
}
