package io.jenkins.plugins.releasepromotion.engine.signing;

import java.util.ArrayList;
import java.util.List;

/** Splits the fields of an {@code allowed_signers} line, where double quotes protect separators. */
final class Fields {

    private Fields() {}

    /** The fields between {@code separator}s (a space also splits at tabs and runs of blanks); quotes are kept. */
    static List<String> split(String text, char separator) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean splits = !quoted && (separator == ' ' ? c == ' ' || c == '\t' : c == separator);
            if (c == '"') {
                quoted = !quoted;
                field.append(c);
            } else if (splits) {
                if (separator != ' ' || field.length() > 0) {
                    fields.add(field.toString());
                }
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a double quote is not closed; close it or remove it");
        }
        if (separator != ' ' || field.length() > 0) {
            fields.add(field.toString());
        }
        return fields;
    }

    /** The text without one pair of surrounding double quotes. */
    static String unquote(String text) {
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
                ? text.substring(1, text.length() - 1)
                : text;
    }
}
