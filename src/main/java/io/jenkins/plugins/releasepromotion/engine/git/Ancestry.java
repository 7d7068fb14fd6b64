package io.jenkins.plugins.releasepromotion.engine.git;

import java.io.IOException;
import java.util.Set;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Answers "is this commit in the history of that one?" without loading the whole history: the merge-base walk stops as
 * soon as it can answer.
 *
 * <p>A shallow checkout cuts history at its boundary commits, which JGit treats as parentless. There a "no" may only
 * mean "not fetched", so a "no" whose walk reached the boundary is reported as a {@link GitFactsException} instead.
 */
final class Ancestry {
    private final Repository repo;

    Ancestry(Repository repo) {
        this.repo = repo;
    }

    /** True when {@code ancestor} is {@code tip} or is reachable from it. */
    boolean reaches(RevCommit tip, RevCommit ancestor, String action) throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            if (walk.isMergedInto(walk.parseCommit(ancestor), walk.parseCommit(tip))) {
                return true;
            }
        } catch (MissingObjectException e) {
            throw FetchAdvice.historyCut(action, e);
        }
        Set<ObjectId> boundary = repo.getObjectDatabase().getShallowCommits();
        if (!boundary.isEmpty() && historyReaches(tip, boundary)) {
            throw FetchAdvice.historyCut(action, null);
        }
        return false;
    }

    /** Walks only the fetched part of a shallow history, which is small by construction. */
    private boolean historyReaches(RevCommit tip, Set<ObjectId> boundary) throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            walk.setRetainBody(false);
            walk.markStart(walk.parseCommit(tip));
            for (RevCommit commit = walk.next(); commit != null; commit = walk.next()) {
                if (boundary.contains(commit)) {
                    return true;
                }
            }
            return false;
        }
    }
}
