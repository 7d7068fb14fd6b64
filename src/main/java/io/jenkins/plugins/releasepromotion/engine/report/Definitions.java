package io.jenkins.plugins.releasepromotion.engine.report;

/**
 * What each delivery figure counts, word for word as the page, {@code metrics} and docs/report.md state it.
 * "Production" is every environment of kind {@code production}; "a change" is a finished production deployment that
 * reached the environment: it succeeded, its deploy failed, its verification failed, or it was rolled back.
 */
public final class Definitions {
    public static final String FREQUENCY = "Successful production deployments in the window, per week (their count"
            + " divided by the window's length in weeks). Refused, rejected and failed deployments do not count.";
    public static final String LEAD_TIME = "The median time from the commit a release tag points to (its commit"
            + " time) to the end of the successful production deployment of that tag. Deployments whose commit time is"
            + " not known are listed but not counted.";
    public static final String FAILURE_RATE = "The share of production changes that failed: the deploy failed, the"
            + " verification failed (also in the bake window), the deployment was rolled back, or a later rollback"
            + " undid it. A change is a production deployment that reached the environment; refusals by a gate, a"
            + " rejected approval and superseded runs are not changes.";
    public static final String RESTORE = "The median time from a failure in production (a failed verification, or a"
            + " failed deploy) to the next good state of the same environment and slot (a successful deployment, a"
            + " successful rollback, or a passing verification). Failures in a row count once, from the first. Failures"
            + " not restored yet are listed but not counted.";

    private Definitions() {}
}
