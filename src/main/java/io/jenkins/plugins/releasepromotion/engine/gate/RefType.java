package io.jenkins.plugins.releasepromotion.engine.gate;

/** What a name given as the tag turned out to be in the repository. */
public enum RefType {
    ANNOTATED_TAG,
    LIGHTWEIGHT_TAG,
    BRANCH,
    COMMIT,
    MISSING
}
