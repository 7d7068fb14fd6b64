package io.jenkins.plugins.releasepromotion.engine.config;

import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reads the scalar values of the configuration; each refusal is one line naming the value and the accepted form. */
final class Scalars {

    private Scalars() {}

    static int integer(String text) {
        if (!text.matches("-?[0-9]{1,9}")) {
            throw new IllegalArgumentException("'" + DisplayText.of(text) + "' is not a whole number");
        }
        return Integer.parseInt(text);
    }

    /** An enum constant by name, case-insensitive. */
    static <E extends Enum<E>> E choice(Class<E> type, String text) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        String names = Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        throw new IllegalArgumentException("'" + DisplayText.of(text) + "' is not one of " + names);
    }

    /** One of a few words, case-insensitive, returned as listed. */
    static String word(String text, String... words) {
        for (String word : words) {
            if (word.equalsIgnoreCase(text)) {
                return word;
            }
        }
        throw new IllegalArgumentException("'" + DisplayText.of(text) + "' is not one of " + String.join(", ", words));
    }

    static LocalTime time(String text) {
        if (!text.matches("([01]?[0-9]|2[0-3]):[0-5][0-9]")) {
            throw new IllegalArgumentException(
                    "'" + DisplayText.of(text) + "' is not a time of day; write HH:mm, e.g. 09:00 or 16:30");
        }
        int colon = text.indexOf(':');
        return LocalTime.of(Integer.parseInt(text.substring(0, colon)), Integer.parseInt(text.substring(colon + 1)));
    }

    static ZoneId zone(String text) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(
                    "'" + DisplayText.of(text) + "' is not a time zone; use an IANA id such as Europe/Berlin or UTC");
        }
    }

    /** A day of the week by its first three letters or its full name, case-insensitive. */
    static DayOfWeek day(String text) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().equalsIgnoreCase(text) || day.name().substring(0, 3).equalsIgnoreCase(text)) {
                return day;
            }
        }
        throw new IllegalArgumentException(
                "'" + DisplayText.of(text) + "' is not a day of the week; use MON to SUN or MONDAY to SUNDAY");
    }

    /** A moment with its offset, so a freeze means the same instant wherever the controller runs. */
    static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + DisplayText.of(text)
                    + "' is not a date and time with an offset; write it like 2026-12-20T00:00:00Z");
        }
    }
}
