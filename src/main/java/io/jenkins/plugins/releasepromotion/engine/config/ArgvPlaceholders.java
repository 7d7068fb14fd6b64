package io.jenkins.plugins.releasepromotion.engine.config;

import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders a script deploy's argv may use, {@code {tag} {slot} {environment} {commit}}, whole or inside an
 * argument ({@code --tag={tag}}). Anything else written like one is a typo, refused when the configuration is read.
 */
public final class ArgvPlaceholders {
    public static final Set<String> NAMES = Set.of("tag", "slot", "environment", "commit");
    public static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_-]*)}");

    private ArgvPlaceholders() {}

    /** The problem with the first unknown placeholder of {@code argv}, or {@code null} when there is none. */
    public static String unknown(List<String> argv) {
        for (String argument : argv) {
            Matcher matcher = PLACEHOLDER.matcher(argument);
            while (matcher.find()) {
                if (!NAMES.contains(matcher.group(1))) {
                    return "unknown placeholder " + DisplayText.of(matcher.group()) + " in command argument "
                            + DisplayText.of(argument) + "; use one of "
                            + new TreeSet<>(NAMES)
                                    .stream().map(name -> "{" + name + "}").toList();
                }
            }
        }
        return null;
    }
}
