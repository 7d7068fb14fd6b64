package io.jenkins.plugins.releasepromotion.engine.git;

import java.util.List;
import java.util.Optional;

/**
 * The questions the use cases ask the repository. {@link GitFacts} answers them from a local repository; a Jenkins
 * step answers them from the workspace on the agent that holds it. Every failure is a {@link GitFactsException}.
 */
public interface GitReader {

    /** The tag named {@code name}; a missing tag is an error that says how to fetch it. */
    TagInfo resolveTag(String name);

    Optional<TagInfo> findTag(String name);

    /** What {@code name} is in this repository. */
    RefKind classify(String name);

    /** True when {@code commit} is in the history of {@code branch}. */
    boolean isReachableFrom(String commit, String branch);

    /** True when {@code commit} is {@code ancestor} or has it in its history. */
    boolean descendsFrom(String commit, String ancestor);

    /** Paths added, modified or deleted between two tags or commits, sorted. */
    List<String> changedPaths(String fromRef, String toRef);

    /**
     * The paths of {@link #changedPaths} that may lie in {@code folder}, such as {@code migrations/}: a reader may
     * skip the trees outside it. It may also return more (by default it returns them all): the caller still decides
     * which paths are in the folder.
     */
    default List<String> changedPathsIn(String fromRef, String toRef, String folder) {
        return changedPaths(fromRef, toRef);
    }

    /** The UTF-8 text of a regular file at a tag or commit; empty when there is no such file. */
    Optional<String> fileAt(String ref, String path);
}
