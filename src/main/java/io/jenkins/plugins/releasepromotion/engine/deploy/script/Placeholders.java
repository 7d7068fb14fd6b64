package io.jenkins.plugins.releasepromotion.engine.deploy.script;

import io.jenkins.plugins.releasepromotion.engine.config.ArgvPlaceholders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Fills {@code {tag} {slot} {environment} {commit}} into an argv, as whole arguments or inside one
 * ({@code --tag={tag}}). Values are put in verbatim and in one pass: a value is never read again for placeholders,
 * and since no shell runs the result, {@code ;}, {@code $(...)} or spaces in a value stay part of one argument.
 */
final class Placeholders {
    private Placeholders() {}

    /** Refuses a name that is not a placeholder, so a typo like {@code {tga}} never reaches the script as text. */
    static void check(List<String> argv) {
        String problem = ArgvPlaceholders.unknown(argv);
        if (problem != null) {
            throw new IllegalArgumentException(Character.toUpperCase(problem.charAt(0)) + problem.substring(1) + ".");
        }
    }

    static List<String> fill(List<String> argv, Map<String, String> values) {
        check(argv);
        List<String> filled = new ArrayList<>(argv.size());
        for (String argument : argv) {
            Matcher matcher = ArgvPlaceholders.PLACEHOLDER.matcher(argument);
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
