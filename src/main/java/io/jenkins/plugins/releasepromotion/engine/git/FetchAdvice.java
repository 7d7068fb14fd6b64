package io.jenkins.plugins.releasepromotion.engine.git;

import io.jenkins.plugins.releasepromotion.engine.git.GitFactsException.Problem;
import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import java.util.List;

/**
 * The messages for facts a checkout does not have. CI checkouts are often shallow and fetch no tags, so a missing tag
 * or commit usually means "fetch more", not "it does not exist"; the message says which, and how.
 */
final class FetchAdvice {
    static final String UNSHALLOW = "`git fetch --tags --unshallow origin`";
    static final String JENKINS_TAGS = "(in Jenkins: enable 'Fetch tags' in the checkout's advanced clone behaviours)";
    static final String JENKINS_UNSHALLOW =
            "(in Jenkins: clear 'Shallow clone' and enable 'Fetch tags' in the checkout's advanced clone behaviours)";
    private static final int LISTED = 5;

    private FetchAdvice() {}

    static GitFactsException tagNotFound(String name, boolean shallow, boolean hasTags) {
        String tag = DisplayText.of(name);
        String advice;
        if (shallow && !hasTags) {
            advice = "this checkout is shallow and has no tags: fetch them with " + UNSHALLOW + " " + JENKINS_TAGS;
        } else if (shallow) {
            advice = "this checkout is shallow: fetch the full history and tags with " + UNSHALLOW + " "
                    + JENKINS_UNSHALLOW;
        } else if (!hasTags) {
            advice = "this checkout has no tags at all: fetch them with `git fetch --tags origin` " + JENKINS_TAGS;
        } else {
            advice = "check the name, or if it was pushed after this checkout, fetch it with `git fetch origin tag "
                    + tag + "`";
        }
        return new GitFactsException(Problem.TAG_NOT_FOUND, "tag " + tag + " not found; " + advice + ".");
    }

    static GitFactsException commitNotFound(String rev, boolean shallow) {
        String advice = shallow
                ? "this checkout is shallow: fetch the full history with " + UNSHALLOW + " " + JENKINS_UNSHALLOW
                : "check the SHA, or fetch the branch that contains it with `git fetch origin`";
        return new GitFactsException(
                Problem.COMMIT_NOT_FOUND,
                "commit " + DisplayText.of(rev) + " not found in this repository; " + advice + ".");
    }

    /** History ends at a shallow boundary or a missing object, so "not reachable" cannot be told from "not fetched". */
    static GitFactsException historyCut(String action, Throwable cause) {
        return new GitFactsException(
                Problem.SHALLOW_HISTORY,
                "cannot " + action + ": the history in this checkout is incomplete (shallow); fetch it with "
                        + UNSHALLOW + " " + JENKINS_UNSHALLOW + ".",
                cause);
    }

    static GitFactsException branchNotFound(String branch, List<String> branches) {
        String name = DisplayText.of(branch);
        String where = branch.startsWith("refs/") ? "" : " as refs/heads/" + name + " or refs/remotes/*/" + name;
        String known = branches.isEmpty()
                ? "this checkout has no branches at all"
                : "branches here: " + String.join(", ", branches.subList(0, Math.min(LISTED, branches.size())))
                        + (branches.size() > LISTED ? " and " + (branches.size() - LISTED) + " more" : "");
        return new GitFactsException(
                Problem.BRANCH_NOT_FOUND,
                "branch " + name + " not found" + where + " (" + known + "); fetch it with `git fetch origin " + name
                        + "` or configure the main branch name.");
    }
}
