package io.jenkins.plugins.releasepromotion.engine.usecase;

import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig;
import io.jenkins.plugins.releasepromotion.engine.deploy.DeployTarget;
import io.jenkins.plugins.releasepromotion.engine.git.GitFactsException;
import io.jenkins.plugins.releasepromotion.engine.git.TagInfo;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.model.InvalidTagException;
import io.jenkins.plugins.releasepromotion.engine.model.TagPattern;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** Chooses the tag a rollback goes to, or says why none may be chosen. */
final class RollbackTarget {
    private final Engine engine;
    private final EnvironmentConfig env;
    private final Integer slot;

    RollbackTarget(Engine engine, EnvironmentConfig env, Integer slot) {
        this.engine = engine;
        this.env = env;
        this.slot = slot;
    }

    Choice choose(RollbackRequest request) {
        EnvironmentState state = EnvironmentState.read(engine.ledger(), env.name(), slot);
        Optional<LedgerRecord> current = state.current();
        String fromTag = current.map(LedgerRecord::tag).orElse(null);
        String fromCommit = current.map(LedgerRecord::commit).orElse(null);
        Choice none = new Choice(null, fromTag, fromCommit, null);
        String where = slot == null ? env.name() : env.name() + " slot " + slot;
        if (request.tag() == null) {
            // After a failed deploy the last good tag is itself the way back.
            Optional<LedgerRecord> previous = state.dirty()
                    ? current
                    : current.flatMap(c -> PreviousGood.before(engine.ledger(), pattern(), env.name(), slot, c.tag()));
            return previous.map(p -> resolve(none, p.tag(), p.commit()))
                    .orElseGet(() -> none.refused("No good tag older than "
                            + current.map(LedgerRecord::tag).orElse("what runs") + " is recorded on " + where
                            + "; name the tag to roll back to (and force it with a reason if it never ran"
                            + " there), or promote a newer tag."));
        }
        try {
            pattern().parse(request.tag());
        } catch (InvalidTagException e) {
            return none.refused(e.getMessage());
        }
        List<LedgerRecord> good = engine.ledger().succeededTags(env.name()).stream()
                .filter(r -> r.isAt(slot) && request.tag().equals(r.tag()))
                .toList();
        if (good.isEmpty() && !request.force()) {
            return none.refused(request.tag() + " never succeeded on " + where + "; roll back to a tag that did ("
                    + succeeded(where) + "), or force it with a reason.");
        }
        if (good.isEmpty() && request.reason() == null) {
            return none.refused("Forcing a rollback of " + where + " to " + request.tag()
                    + ", which never succeeded there, needs a reason; give one (it is recorded).");
        }
        return resolve(none, request.tag(), good.isEmpty() ? null : good.get(0).commit());
    }

    /** Going forward again by rollback is allowed when asked for by name, and said out loud. */
    String warning(Choice choice) {
        if (choice.target() == null
                || !PreviousGood.isNewer(pattern(), choice.target().tag(), choice.fromTag())) {
            return null;
        }
        return choice.target().tag() + " is newer than " + choice.fromTag() + ", which runs on "
                + DeploySequence.where(choice.target()) + "; this rollback goes forward. Going forward is a"
                + " promotion's job: promote " + choice.target().tag() + " to have its gates checked.";
    }

    private TagPattern pattern() {
        return TagPattern.of(engine.config().tagPattern());
    }

    private Choice resolve(Choice none, String tag, String recordedCommit) {
        TagInfo info;
        try {
            info = engine.git().resolveTag(tag);
        } catch (GitFactsException e) {
            return none.refused(e.getMessage());
        }
        if (recordedCommit != null && !Objects.equals(recordedCommit, info.commit())) {
            return none.refused(tag + " now points to " + info.shortCommit() + " but ran as "
                    + recordedCommit.substring(0, Math.min(7, recordedCommit.length()))
                    + "; release tags must not move: restore the tag before rolling back.");
        }
        return new Choice(new DeployTarget(env, slot, tag, info.commit()), none.fromTag(), none.fromCommit(), null);
    }

    private String succeeded(String where) {
        String tags = engine.ledger().succeededTags(env.name()).stream()
                .filter(r -> r.isAt(slot))
                .map(LedgerRecord::tag)
                .distinct()
                .limit(5)
                .collect(Collectors.joining(", "));
        return tags.isEmpty() ? "none recorded on " + where : tags;
    }

    /** The target, or the refusal (one line) when there is none. */
    record Choice(DeployTarget target, String fromTag, String fromCommit, String refusal) {
        Choice refused(String why) {
            return new Choice(target, fromTag, fromCommit, why);
        }
    }
}
