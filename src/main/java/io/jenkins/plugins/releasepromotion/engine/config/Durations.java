package io.jenkins.plugins.releasepromotion.engine.config;

import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them, in the configuration and on the command line alike: {@code 500ms}, {@code 30s},
 * {@code 15m}, {@code 2h}, {@code 7d}, combinations from the largest unit down such as {@code 1h30m} or {@code 1d12h},
 * and ISO-8601 such as {@code PT15M}.
 */
public final class Durations {
    /** The accepted forms, as every refusal names them. */
    public static final String FORMS =
            "write 500ms, 30s, 15m, 2h, 7d, a combination like 1h30m, or ISO-8601 like PT15M";

    private static final Pattern SHORT = Pattern.compile(
            "(?:([0-9]{1,6})d)?(?:([0-9]{1,6})h)?(?:([0-9]{1,6})m)?(?:([0-9]{1,6})s)?(?:([0-9]{1,6})ms)?");

    private Durations() {}

    /**
     * Parses a duration that must be longer than zero.
     *
     * @throws IllegalArgumentException with one line naming the value and the accepted forms
     */
    public static Duration parse(String text) {
        String value = text == null ? "" : text.trim();
        Duration duration = value.toUpperCase(Locale.ROOT).startsWith("P") ? iso(value) : shortForm(value);
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("'" + DisplayText.of(value) + "' must be longer than zero");
        }
        return duration;
    }

    private static Duration iso(String value) {
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw notADuration(value);
        }
    }

    private static Duration shortForm(String value) {
        Matcher m = SHORT.matcher(value);
        if (value.isEmpty() || !m.matches()) {
            throw notADuration(value);
        }
        return Duration.ofDays(number(m.group(1)))
                .plusHours(number(m.group(2)))
                .plusMinutes(number(m.group(3)))
                .plusSeconds(number(m.group(4)))
                .plusMillis(number(m.group(5)));
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }

    private static IllegalArgumentException notADuration(String value) {
        return new IllegalArgumentException("'" + DisplayText.of(value) + "' is not a duration; " + FORMS);
    }
}
