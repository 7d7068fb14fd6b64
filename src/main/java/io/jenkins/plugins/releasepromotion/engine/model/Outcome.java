package io.jenkins.plugins.releasepromotion.engine.model;

/** The named terminal state of every deployment, verification, approval and rollback. */
public enum Outcome {
    SUCCEEDED,
    GATE_FAILED,
    DEPLOY_FAILED,
    VERIFY_FAILED,
    ROLLED_BACK,
    REJECTED,
    EXPIRED,
    SUPERSEDED;

    public boolean isSuccess() {
        return this == SUCCEEDED;
    }
}
