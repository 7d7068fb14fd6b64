package io.jenkins.plugins.releasepromotion.engine.usecase;

import io.jenkins.plugins.releasepromotion.engine.ledger.Ledger;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.model.InvalidTagException;
import io.jenkins.plugins.releasepromotion.engine.model.ReleaseTag;
import io.jenkins.plugins.releasepromotion.engine.model.TagPattern;
import java.util.Optional;

/**
 * The tag to go back to from what runs: the most recent one that succeeded on the slot and is older, by version, than
 * what runs. A tag newer than what runs is never the way back, even where it ran last: after a rollback from v0.2.0 to
 * v0.1.0, going to v0.2.0 again is a promotion.
 */
final class PreviousGood {
    private PreviousGood() {}

    static Optional<LedgerRecord> before(
            Ledger ledger, TagPattern pattern, String environment, Integer slot, String runningTag) {
        ReleaseTag running = parse(pattern, runningTag);
        if (running == null) {
            return ledger.lastGoodBefore(environment, slot, runningTag);
        }
        return ledger.succeededTags(environment).stream()
                .filter(r -> r.isAt(slot))
                .filter(r -> {
                    ReleaseTag tag = parse(pattern, r.tag());
                    return tag != null && tag.comparePrecedence(running) < 0;
                })
                .findFirst();
    }

    /** Whether {@code tag} is newer, by version, than {@code runningTag}; false when either is no release tag. */
    static boolean isNewer(TagPattern pattern, String tag, String runningTag) {
        ReleaseTag to = parse(pattern, tag);
        ReleaseTag running = parse(pattern, runningTag);
        return to != null && running != null && to.comparePrecedence(running) > 0;
    }

    private static ReleaseTag parse(TagPattern pattern, String tag) {
        if (tag == null) {
            return null;
        }
        try {
            return pattern.parse(tag);
        } catch (InvalidTagException e) {
            return null;
        }
    }
}
