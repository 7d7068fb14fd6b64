package io.jenkins.plugins.releasepromotion.engine.report;

import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentKind;
import java.util.List;

/**
 * One environment's row of the timeline: its finished deployments, verifications and rollbacks in the window, newest
 * first, at most {@link #MARKS}.
 *
 * @param older true when the window holds older marks the lane leaves out: reading stopped at the newest
 *     {@link #MARKS} (production is read on for its figures, the others are not)
 */
public record Lane(String environment, EnvironmentKind kind, List<Mark> marks, boolean older) {
    /** The most marks a lane draws. */
    public static final int MARKS = 400;

    public Lane {
        marks = List.copyOf(marks);
    }
}
