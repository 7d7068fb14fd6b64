package io.jenkins.plugins.releasepromotion.engine.gate;

import io.jenkins.plugins.releasepromotion.engine.config.DeployWindow;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Weekly deploy windows in a time zone, including windows that run across midnight. */
final class Windows {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm VV", Locale.ROOT);

    private Windows() {}

    static boolean isOpen(DeployWindow window, Instant now) {
        ZonedDateTime local = now.atZone(window.timeZone());
        LocalTime time = local.toLocalTime();
        DayOfWeek day = local.getDayOfWeek();
        if (window.from().isBefore(window.to())) {
            return startsOn(window, day) && !time.isBefore(window.from()) && time.isBefore(window.to());
        }
        // Across midnight: the evening part belongs to the start day, the morning part to the day before.
        return (startsOn(window, day) && !time.isBefore(window.from()))
                || (startsOn(window, day.minus(1)) && time.isBefore(window.to()));
    }

    static Optional<String> nextOpening(List<DeployWindow> windows, Instant now) {
        return windows.stream()
                .map(w -> nextOpening(w, now))
                .flatMap(Optional::stream)
                .min(Comparator.naturalOrder())
                .map(z -> z.format(WHEN));
    }

    private static Optional<ZonedDateTime> nextOpening(DeployWindow window, Instant now) {
        LocalDate today = now.atZone(window.timeZone()).toLocalDate();
        for (int i = 0; i <= 7; i++) {
            LocalDate date = today.plusDays(i);
            ZonedDateTime start = date.atTime(window.from()).atZone(window.timeZone());
            if (startsOn(window, date.getDayOfWeek()) && start.toInstant().isAfter(now)) {
                return Optional.of(start);
            }
        }
        return Optional.empty();
    }

    static String describe(List<DeployWindow> windows) {
        return windows.stream().map(Windows::describe).collect(Collectors.joining(", "));
    }

    private static String describe(DeployWindow w) {
        String days = w.days().isEmpty()
                ? "daily"
                : w.days().stream()
                        .sorted()
                        .map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ROOT))
                        .collect(Collectors.joining("/"));
        return days + " " + w.from() + "-" + w.to() + " " + w.timeZone();
    }

    private static boolean startsOn(DeployWindow window, DayOfWeek day) {
        return window.days().isEmpty() || window.days().contains(day);
    }
}
