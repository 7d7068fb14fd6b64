package io.jenkins.plugins.releasepromotion.engine.config;

/** The verification checks of the mission's staging checklist. */
public enum CheckType {
    VERSION,
    HEALTH,
    FLOWS,
    DAG,
    LOGS,
    MIGRATIONS
}
