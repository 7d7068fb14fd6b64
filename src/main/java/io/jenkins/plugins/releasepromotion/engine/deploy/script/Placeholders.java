package io.jenkins.plugins.releasepromotion.engine.deploy.script;

import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {tag} {slot} {environment} {commit}} into an argv, as whole arguments or inside one
 * ({@code --tag={tag}}). Values are put in verbatim and in one pass: a value is never read again for placeholders,
 * and since no shell runs the result, {@code ;}, {@code $(...)} or spaces in a value stay part of one argument.
 */
final class Placeholders {
    static final Set<String> KNOWN = Set.of("tag", "slot", "environment", "commit");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_-]*)}");

    private Placeholders() {}

    /** Refuses a name that is not a placeholder, so a typo like {@code {tga}} never reaches the script as text. */
    static void check(List<String> argv) {
        for (String argument : argv) {
            Matcher matcher = PLACEHOLDER.matcher(argument);
            while (matcher.find()) {
                if (!KNOWN.contains(matcher.group(1))) {
                    throw new IllegalArgumentException("Unknown placeholder " + DisplayText.of(matcher.group())
                            + " in command argument " + DisplayText.of(argument) + "; use one of "
                            + new TreeSet<>(KNOWN)
                                    .stream().map(name -> "{" + name + "}").toList() + ".");
                }
            }
        }
    }

    static List<String> fill(List<String> argv, Map<String, String> values) {
        check(argv);
        List<String> filled = new ArrayList<>(argv.size());
        for (String argument : argv) {
            Matcher matcher = PLACEHOLDER.matcher(argument);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(out, Matcher.quoteReplacement(values.get(matcher.group(1))));
            }
            matcher.appendTail(out);
            filled.add(out.toString());
        }
        return List.copyOf(filled);
    }
}
