package io.jenkins.plugins.releasepromotion.engine.config;

import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import io.jenkins.plugins.releasepromotion.engine.model.NestedQuantifiers;
import java.util.ArrayList;
import java.util.List;

/**
 * The configured regular expressions (the tag pattern, the failure and ignore patterns of {@code logs} checks) that
 * repeat a group which itself repeats: on a crafted text they backtrack exponentially. Each match of one gives up
 * past a bound, but the pattern should be simplified; {@code config validate} says so, one line each.
 */
public final class PatternWarnings {
    private PatternWarnings() {}

    public static List<String> of(ReleaseConfig config) {
        List<String> warnings = new ArrayList<>();
        check("tagPattern", config.tagPattern(), warnings);
        for (int e = 0; e < config.environments().size(); e++) {
            EnvironmentConfig environment = config.environments().get(e);
            for (int c = 0; c < environment.checks().size(); c++) {
                CheckConfig check = environment.checks().get(c);
                String path = "environments[" + e + "].checks[" + c + "].";
                patterns(path + "failurePatterns", check.failurePatterns(), warnings);
                patterns(path + "ignorePatterns", check.ignorePatterns(), warnings);
            }
        }
        return warnings;
    }

    private static void patterns(String path, List<String> patterns, List<String> warnings) {
        for (int i = 0; i < patterns.size(); i++) {
            check(path + "[" + i + "]", patterns.get(i), warnings);
        }
    }

    private static void check(String path, String regex, List<String> warnings) {
        String nested = regex == null ? null : NestedQuantifiers.find(regex);
        if (nested != null) {
            warnings.add(path + ": '" + DisplayText.of(regex) + "' repeats a group that holds a repetition or an"
                    + " alternation (" + DisplayText.of(nested) + "), which can take exponential time on a crafted"
                    + " text; a match gives up past a bound and is refused, so simplify it, e.g. (\\d+)* to \\d*");
        }
    }
}
