package io.jenkins.plugins.releasepromotion.engine.signing;

import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** The options field of an {@code allowed_signers} line: {@code cert-authority}, {@code namespaces}, validity. */
record SignerOptions(List<String> namespaces, Instant validAfter, Instant validBefore, boolean certAuthority) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss", Locale.ROOT);

    static SignerOptions parse(String field) {
        List<String> namespaces = List.of();
        Instant after = null;
        Instant before = null;
        boolean ca = false;
        for (String option : field.isEmpty() ? List.<String>of() : Fields.split(field, ',')) {
            int equals = option.indexOf('=');
            String name = (equals < 0 ? option : option.substring(0, equals)).toLowerCase(Locale.ROOT);
            String value = equals < 0 ? null : Fields.unquote(option.substring(equals + 1));
            switch (name) {
                case "cert-authority" -> ca = true;
                case "namespaces" -> namespaces = Fields.split(required(name, value), ',');
                case "valid-after" -> after = time(name, required(name, value));
                case "valid-before" -> before = time(name, required(name, value));
                default ->
                    throw new IllegalArgumentException("option '" + DisplayText.of(option)
                            + "' is not supported; use cert-authority, namespaces=\"…\", valid-after=\"…\" or"
                            + " valid-before=\"…\"");
            }
        }
        return new SignerOptions(namespaces, after, before, ca);
    }

    private static String required(String name, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("option " + name + " needs a value, e.g. " + name + "=\"…\"");
        }
        return value;
    }

    /** {@code YYYYMMDD[HHMM[SS]]}, UTC with a trailing {@code Z}, else local time, as {@code ssh-keygen} reads it. */
    private static Instant time(String name, String value) {
        boolean utc = value.endsWith("Z") || value.endsWith("z");
        String digits = utc ? value.substring(0, value.length() - 1) : value;
        if (!digits.matches("[0-9]{8}|[0-9]{12}|[0-9]{14}")) {
            throw new IllegalArgumentException(
                    name + " '" + DisplayText.of(value) + "' is not a time; write YYYYMMDD[HHMM[SS]][Z]");
        }
        try {
            LocalDateTime local = LocalDateTime.parse((digits + "000000").substring(0, 14), TIME);
            return local.atZone(utc ? ZoneOffset.UTC : ZoneId.systemDefault()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    name + " '" + DisplayText.of(value) + "' is not a valid date; write YYYYMMDD[HHMM[SS]][Z]");
        }
    }
}
