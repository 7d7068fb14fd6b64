package io.jenkins.plugins.releasepromotion.engine.gate;

/** The rules a promotion passes, in the order they are evaluated and reported. */
public enum Gate {
    TAGGED_ONLY,
    STAGED_FIRST,
    FORWARD_ONLY,
    HOTFIX_LINEAGE,
    CHANGELOG,
    WINDOW_AND_FREEZE,
    ROLLBACK_PLAN,
    BACKUP,
    ONE_AT_A_TIME,
    APPROVAL
}
