package io.jenkins.plugins.releasepromotion.engine.config;

/** What a failing check does: fail the verification, only warn, or run silently for evaluation. */
public enum CheckMode {
    ENFORCE,
    WARN,
    SHADOW
}
