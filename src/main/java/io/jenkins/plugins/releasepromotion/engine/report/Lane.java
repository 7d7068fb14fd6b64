package io.jenkins.plugins.releasepromotion.engine.report;

import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentKind;
import java.util.List;

/**
 * One environment's row of the timeline: its finished deployments, verifications and rollbacks in the window, newest
 * first, at most {@link #MARKS}.
 *
 * @param omitted how many older marks of the window the lane leaves out
 */
public record Lane(String environment, EnvironmentKind kind, List<Mark> marks, int omitted) {
    /** The most marks a lane draws. */
    public static final int MARKS = 400;

    public Lane {
        marks = List.copyOf(marks);
    }
}
