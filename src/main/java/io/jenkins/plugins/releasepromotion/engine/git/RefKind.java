package io.jenkins.plugins.releasepromotion.engine.git;

/** What a name given by a person turns out to be in the repository, for messages such as "main is a branch". */
public enum RefKind {
    TAG("a tag"),
    /** A local branch or a remote-tracking branch. */
    BRANCH("a branch"),
    /** A full or abbreviated SHA of a commit in the repository. */
    COMMIT("a commit SHA"),
    UNKNOWN("not a tag, branch or commit in this repository");

    private final String description;

    RefKind(String description) {
        this.description = description;
    }

    /** The kind as a phrase, e.g. "a branch". */
    public String description() {
        return description;
    }
}
