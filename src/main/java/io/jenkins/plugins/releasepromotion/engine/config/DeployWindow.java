package io.jenkins.plugins.releasepromotion.engine.config;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

/**
 * A weekly period when deploys are allowed, in a time zone. {@code to} before {@code from} means the window runs
 * across midnight; {@code days} are the days the window starts on (empty means every day).
 */
public record DeployWindow(Set<DayOfWeek> days, LocalTime from, LocalTime to, ZoneId timeZone) {

    public DeployWindow {
        days = days == null ? Set.of() : Set.copyOf(days);
        timeZone = timeZone == null ? ZoneId.of("UTC") : timeZone;
    }
}
