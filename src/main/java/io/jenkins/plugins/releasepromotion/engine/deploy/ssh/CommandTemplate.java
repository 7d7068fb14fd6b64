package io.jenkins.plugins.releasepromotion.engine.deploy.ssh;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A shell command written by the administrator, with placeholders {@code {tag} {slot} {environment} {commit}
 * {directory}}. The template's own text is trusted shell; the values are not, so each one goes in as one
 * {@link ShellQuote#quote quoted} word, in one pass (a value is never read again for placeholders).
 *
 * <p>A quoted word is only one word where the shell reads it as written. Inside quotes, backquotes, arithmetic,
 * {@code ${...}} or a here-document, or after {@code $} or {@code \}, the shell would read the value's own quotes
 * differently, so such a template is refused when it is read, not when a hostile tag arrives.
 */
public final class CommandTemplate {
    /** The placeholders a template and a configured argv may use. */
    public static final Set<String> NAMES = Set.of("tag", "slot", "environment", "commit", "directory");

    private final String text;
    /** Literal text and placeholder names, alternating: literal, name, literal, ..., literal. */
    private final List<String> parts;

    private CommandTemplate(String text, List<String> parts) {
        this.text = text;
        this.parts = List.copyOf(parts);
    }

    /**
     * Reads a template.
     *
     * @throws IllegalArgumentException when a placeholder stands where the shell would not read it as one word
     */
    public static CommandTemplate parse(String text) {
        String[] where = ShellScanner.contexts(text);
        List<String> parts = new ArrayList<>();
        int literalStart = 0;
        int i = 0;
        while (i < text.length()) {
            String name = placeholderAt(text, i);
            if (name == null) {
                i++;
                continue;
            }
            if (where[i] != null) {
                throw new IllegalArgumentException("The command template puts {" + name + "} " + where[i]
                        + ", where the shell would not read its value as one word; write {" + name
                        + "} as a word of its own, or use \"$RELEASE_" + name.toUpperCase(Locale.ROOT)
                        + "\" there.");
            }
            parts.add(text.substring(literalStart, i));
            parts.add(name);
            i += name.length() + 2;
            literalStart = i;
        }
        parts.add(text.substring(literalStart));
        return new CommandTemplate(text, parts);
    }

    /** The command with every placeholder replaced by its value as one quoted word. */
    public String render(Map<String, String> values) {
        StringBuilder out = new StringBuilder(text.length() + 64);
        for (int i = 0; i < parts.size(); i++) {
            out.append(i % 2 == 0 ? parts.get(i) : ShellQuote.quote(value(values, parts.get(i))));
        }
        return out.toString();
    }

    /**
     * Fills placeholders into one argument of an argv, whole ({@code {tag}}) or inside it ({@code --tag={tag}}),
     * verbatim: the argument is quoted as a whole when the argv is joined.
     */
    public static String fill(String argument, Map<String, String> values) {
        StringBuilder out = new StringBuilder(argument.length() + 32);
        int i = 0;
        while (i < argument.length()) {
            String name = placeholderAt(argument, i);
            if (name == null) {
                out.append(argument.charAt(i));
                i++;
            } else {
                out.append(value(values, name));
                i += name.length() + 2;
            }
        }
        return out.toString();
    }

    private static String placeholderAt(String text, int i) {
        if (text.charAt(i) != '{') {
            return null;
        }
        int end = text.indexOf('}', i);
        if (end < 0) {
            return null;
        }
        String name = text.substring(i + 1, end);
        return NAMES.contains(name) ? name : null;
    }

    private static String value(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException(
                    "No value for the placeholder {" + name + "}; give one of " + NAMES + ".");
        }
        return value;
    }

    @Override
    public String toString() {
        return text;
    }
}
