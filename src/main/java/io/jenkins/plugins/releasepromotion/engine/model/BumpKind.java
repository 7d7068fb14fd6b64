package io.jenkins.plugins.releasepromotion.engine.model;

/** How one release tag moves on from another. */
public enum BumpKind {
    MAJOR,
    MINOR,
    PATCH,
    /** Same major, minor and patch; only the pre-release part moved forward. */
    PRE_RELEASE,
    /** The same precedence. */
    NONE,
    /** The second tag is older than the first. */
    BACKWARD
}
