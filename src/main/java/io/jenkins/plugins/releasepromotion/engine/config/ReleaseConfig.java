package io.jenkins.plugins.releasepromotion.engine.config;

import java.util.List;
import java.util.Optional;

/**
 * The whole configuration: repository conventions and the environments. The same names serve the YAML file of the
 * command line and the Jenkins global configuration. It never holds a secret, only credential IDs.
 *
 * @param tagPattern the release tag pattern; {@code null} means strict {@code vMAJOR.MINOR.PATCH}
 * @param mainBranch the branch release tags are cut from, local or remote-tracking (default {@code main})
 * @param changelog the changelog file at the tag (default {@code CHANGELOG.md})
 * @param ledger the shared ledger; {@code null} for the local one
 */
public record ReleaseConfig(
        String tagPattern,
        String mainBranch,
        String changelog,
        List<EnvironmentConfig> environments,
        LedgerConfig ledger) {

    public static final String DEFAULT_MAIN_BRANCH = "main";
    public static final String DEFAULT_CHANGELOG = "CHANGELOG.md";

    public ReleaseConfig {
        mainBranch = mainBranch == null || mainBranch.isBlank() ? DEFAULT_MAIN_BRANCH : mainBranch;
        changelog = changelog == null || changelog.isBlank() ? DEFAULT_CHANGELOG : changelog;
        environments = environments == null ? List.of() : List.copyOf(environments);
    }

    /** A configuration with the local ledger. */
    public ReleaseConfig(String tagPattern, String mainBranch, String changelog, List<EnvironmentConfig> environments) {
        this(tagPattern, mainBranch, changelog, environments, null);
    }

    public Optional<EnvironmentConfig> environment(String name) {
        return environments.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
