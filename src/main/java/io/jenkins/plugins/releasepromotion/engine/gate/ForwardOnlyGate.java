package io.jenkins.plugins.releasepromotion.engine.gate;

import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentKind;
import io.jenkins.plugins.releasepromotion.engine.gate.Facts.Deployed;
import io.jenkins.plugins.releasepromotion.engine.model.ReleaseTag;
import java.util.Objects;

/**
 * Promotion only moves forward; going back is a rollback. Staging slots are test beds, so an older tag there (a
 * hotfix of the production line, say) is a warning, not a refusal.
 */
final class ForwardOnlyGate implements PromotionGate {

    @Override
    public void check(GateFacts facts, ReleaseTag tag, Findings out) {
        Deployed current = facts.current();
        if (tag == null || current == null || current.tag() == null) {
            return;
        }
        String where = Text.where(current);
        if (!facts.tagPattern().accepts(current.tag())) {
            return;
        }
        ReleaseTag running = facts.tagPattern().parse(current.tag());
        int order = tag.compareTo(running);
        boolean staging = facts.environment().kind() == EnvironmentKind.STAGING;
        if (order < 0) {
            out.refuseOrWarn(
                    staging,
                    ViolationCode.OLDER_THAN_RUNNING,
                    tag + " is older than " + running
                            + ", which runs on " + where + "; promotion only moves forward: to go back, roll back to "
                            + tag + " instead.");
        } else if (order == 0 && !Objects.equals(current.commit(), facts.tag().commit())) {
            out.refuse(
                    ViolationCode.TAG_MOVED_SINCE_DEPLOY,
                    tag + " ran on " + where + " as commit "
                            + Text.shortCommit(current.commit()) + " but now points to "
                            + Text.shortCommit(facts.tag().commit())
                            + "; release tags must not move: restore the tag, or cut the next version.");
        } else if (order == 0) {
            out.warn(ViolationCode.ALREADY_RUNNING, tag + " already runs on " + where + "; it will be deployed again.");
        }
    }
}
