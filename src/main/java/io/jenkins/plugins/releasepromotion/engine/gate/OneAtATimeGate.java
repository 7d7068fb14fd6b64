package io.jenkins.plugins.releasepromotion.engine.gate;

import io.jenkins.plugins.releasepromotion.engine.gate.Facts.Interrupted;
import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import io.jenkins.plugins.releasepromotion.engine.model.ReleaseTag;

/** One deployment per environment and slot; an earlier one that never finished is pointed out. */
final class OneAtATimeGate implements PromotionGate {

    @Override
    public void check(GateFacts facts, ReleaseTag tag, Findings out) {
        String where = Text.where(facts.request().environment(), facts.request().slot());
        if (facts.lockHolder() != null) {
            out.refuseOrWarn(
                    facts.request().dryRun(),
                    ViolationCode.LOCKED,
                    where + " is being deployed by " + DisplayText.of(facts.lockHolder())
                            + "; wait for it to finish, one deployment at a time.");
        }
        for (Interrupted interrupted : facts.interrupted()) {
            out.warn(
                    ViolationCode.INTERRUPTED_DEPLOYMENT,
                    "The deployment of " + interrupted.tag() + " to "
                            + Text.where(facts.request().environment(), interrupted.slot()) + " started at "
                            + interrupted.startedAt() + " never finished (record " + interrupted.id()
                            + "); check what runs there.");
        }
    }
}
