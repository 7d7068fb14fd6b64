package io.jenkins.plugins.releasepromotion.engine.git;

import io.jenkins.plugins.releasepromotion.engine.git.GitFactsException.Problem;
import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import java.io.IOException;
import java.time.Instant;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;

/** Reads a tag ref into a {@link TagInfo}, and peels names to the commit a release must point at. */
final class TagReader {

    private TagReader() {}

    static TagInfo read(RevWalk walk, String name, Ref ref) throws IOException {
        RevObject target = walk.parseAny(ref.getObjectId());
        RevCommit commit = peelToCommit(walk, target, "tag " + name);
        if (!(target instanceof RevTag tag)) {
            return new TagInfo(name, false, target.name(), commit.name(), null, null, null, null, committedAt(commit));
        }
        PersonIdent tagger = tag.getTaggerIdent();
        return new TagInfo(
                name,
                true,
                tag.name(),
                commit.name(),
                tagger == null ? null : tagger.getName(),
                tagger == null ? null : tagger.getEmailAddress(),
                tagger == null ? null : tagger.getWhenAsInstant(),
                tag.getFullMessage(),
                committedAt(commit));
    }

    private static Instant committedAt(RevCommit commit) {
        PersonIdent committer = commit.getCommitterIdent();
        return committer == null ? null : committer.getWhenAsInstant();
    }

    /** Follows tag objects down to a commit; a tag of a tree or a blob cannot be released. */
    static RevCommit peelToCommit(RevWalk walk, RevObject object, String what) throws IOException {
        RevObject peeled = walk.peel(object);
        if (peeled instanceof RevCommit commit) {
            walk.parseHeaders(commit);
            return commit;
        }
        throw new GitFactsException(
                Problem.NOT_A_COMMIT,
                DisplayText.of(what) + " points to a " + Constants.typeString(peeled.getType()) + " " + peeled.name()
                        + ", not a commit; a release must point to a commit: recreate the tag on the commit to"
                        + " release.");
    }
}
