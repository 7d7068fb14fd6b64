package io.jenkins.plugins.releasepromotion.engine.gate;

import io.jenkins.plugins.releasepromotion.engine.gate.Facts.Deployed;
import io.jenkins.plugins.releasepromotion.engine.model.ReleaseTag;

/** Before deploying, the tag to go back to is known and still exists. */
final class RollbackPlanGate implements PromotionGate {

    @Override
    public void check(GateFacts facts, ReleaseTag tag, Findings out) {
        Deployed target = facts.rollbackTarget();
        String where = Text.where(facts.request().environment(), facts.request().slot());
        if (target == null) {
            if (facts.current() != null
                    || facts.currentDirty()
                    || !facts.interrupted().isEmpty()) {
                out.warn(
                        ViolationCode.NO_ROLLBACK_TARGET,
                        "No earlier good tag of " + where + " is known; if this"
                                + " deploy fails there is nothing to roll back to automatically.");
            }
            return;
        }
        if (!facts.rollbackTargetInRepository()) {
            out.refuse(
                    ViolationCode.ROLLBACK_TARGET_MISSING,
                    "The rollback target " + target.tag() + " of " + where
                            + " is not in the repository; fetch tags (git fetch --tags origin) or restore the tag before"
                            + " deploying.");
        }
    }
}
