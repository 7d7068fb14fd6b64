package io.jenkins.plugins.releasepromotion.engine.verify;

/**
 * What happened to a check. What a failure means is the check's mode: an enforced failure fails the verification, a
 * warned one is shown as a warning, a shadow one is only recorded.
 */
public enum CheckOutcome {
    PASSED,
    FAILED,
    /** Not run: an enforced check before it failed, or the verification was interrupted. */
    SKIPPED
}
