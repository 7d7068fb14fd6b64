package io.jenkins.plugins.releasepromotion.engine.config;

import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import io.jenkins.plugins.releasepromotion.engine.model.TagPattern;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The rules of a whole configuration; each environment's own rules are in {@link EnvironmentRules}. */
final class ConfigValidator {
    private static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._/-]*");
    private static final Pattern RELATIVE_FILE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._/-]*");

    private ConfigValidator() {}

    static void validate(ReleaseConfig config, Problems problems) {
        try {
            TagPattern.of(config.tagPattern());
        } catch (IllegalArgumentException e) {
            problems.add("tagPattern", e.getMessage());
        }
        if (!BRANCH.matcher(config.mainBranch()).matches()
                || config.mainBranch().contains("..")) {
            problems.add(
                    "mainBranch",
                    "'" + DisplayText.of(config.mainBranch())
                            + "' is not a branch name; use letters, digits, '.', '_', '-' and '/', e.g. main");
        }
        if (!RELATIVE_FILE.matcher(config.changelog()).matches()
                || config.changelog().contains("..")) {
            problems.add(
                    "changelog",
                    "'" + DisplayText.of(config.changelog())
                            + "' is not a file path inside the repository; write it like CHANGELOG.md");
        }
        environments(config.environments(), problems);
        LedgerRules.check(config.ledger(), problems);
    }

    private static void environments(List<EnvironmentConfig> environments, Problems problems) {
        if (environments.isEmpty()) {
            problems.add("environments", "required; define at least one environment, e.g. staging and production");
            return;
        }
        Set<String> names = environments.stream()
                .map(EnvironmentConfig::name)
                .filter(name -> name != null)
                .collect(Collectors.toSet());
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < environments.size(); i++) {
            EnvironmentConfig environment = environments.get(i);
            String path = Problems.index("environments", i);
            Integer earlier = environment.name() == null ? null : firstIndex.putIfAbsent(environment.name(), i);
            if (earlier != null) {
                problems.add(
                        Problems.child(path, "name"),
                        "'" + DisplayText.of(environment.name()) + "' is already the name of environments[" + earlier
                                + "]; give each environment its own name");
            }
            EnvironmentRules.check(environment, path, names, problems);
        }
    }
}
