package io.jenkins.plugins.releasepromotion.engine.ledger;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the instants of a ledger line. The ledger writes them as {@code Instant#toString} does
 * ({@code 2026-11-30T12:00:00Z}, with 3, 6 or 9 digits of fraction when there is one); those are read digit by digit,
 * which a reader of a million records notices. Anything else is read as {@link Instant#parse} and Jackson read it
 * before, with the same result and the same refusals.
 */
final class InstantText extends StdScalarDeserializer<Instant> {
    private static final long serialVersionUID = 1L;
    private static final int SHORTEST = "2026-11-30T12:00:00Z".length();

    InstantText() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            return InstantDeserializer.INSTANT.deserialize(parser, context);
        }
        String text = parser.getText();
        Instant quick = quick(text);
        return quick != null ? quick : InstantDeserializer.INSTANT.deserialize(parser, context);
    }

    /** The instant of {@code text} in the ledger's own form; {@code null} for any other form, or a date that is none. */
    static Instant quick(String text) {
        int length = text.length();
        if (length < SHORTEST || length > SHORTEST + 10 || text.charAt(length - 1) != 'Z' || !separators(text)) {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int nanos = fraction(text, 19, length - 1);
        if (year < 0
                || month < 0
                || day < 0
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59
                || nanos < 0) {
            return null;
        }
        try {
            long days = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean separators(String text) {
        return text.charAt(4) == '-'
                && text.charAt(7) == '-'
                && text.charAt(10) == 'T'
                && text.charAt(13) == ':'
                && text.charAt(16) == ':';
    }

    /** The value of {@code count} decimal digits at {@code from}; -1 when one is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Nanoseconds of an optional {@code .ddd}, {@code .dddddd} or {@code .ddddddddd} from {@code from} to {@code end}. */
    private static int fraction(String text, int from, int end) {
        if (from == end) {
            return 0;
        }
        int count = end - from - 1;
        if (text.charAt(from) != '.' || (count != 3 && count != 6 && count != 9)) {
            return -1;
        }
        int value = digits(text, from + 1, count);
        if (value < 0) {
            return -1;
        }
        for (int i = count; i < 9; i++) {
            value *= 10;
        }
        return value;
    }
}
