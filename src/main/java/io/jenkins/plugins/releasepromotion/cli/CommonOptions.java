package io.jenkins.plugins.releasepromotion.cli;

import io.jenkins.plugins.releasepromotion.engine.config.ConfigLoader;
import io.jenkins.plugins.releasepromotion.engine.config.ReleaseConfig;
import io.jenkins.plugins.releasepromotion.engine.git.GitFacts;
import io.jenkins.plugins.releasepromotion.engine.ledger.JsonLinesLedger;
import io.jenkins.plugins.releasepromotion.engine.model.TagPattern;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every command that works on a repository and a ledger shares. */
final class CommonOptions {

    static final String DEFAULT_CONFIG = "release-promotion.yaml";

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "The configuration (YAML, see docs/configuration.md). Default: " + DEFAULT_CONFIG
                    + " in the repository.")
    Path config;

    @Option(
            names = "--repo",
            paramLabel = "DIR",
            description = "The git repository (a clone with tags). Default: the current directory.",
            defaultValue = ".")
    Path repo;

    @Option(
            names = "--ledger",
            paramLabel = "DIR",
            description = "The ledger directory. Default: .release-promotion/ledger in the repository.")
    Path ledger;

    @Option(names = "--json", description = "Print machine-readable JSON (see docs/cli.md) instead of text.")
    boolean json;

    ReleaseConfig loadConfig() {
        return ConfigLoader.load(config != null ? config : repo.resolve(DEFAULT_CONFIG));
    }

    GitFacts openRepository(ReleaseConfig releaseConfig) {
        return GitFacts.open(repo, TagPattern.of(releaseConfig.tagPattern()));
    }

    JsonLinesLedger openLedger() {
        return new JsonLinesLedger(
                ledger != null ? ledger : repo.resolve(".release-promotion").resolve("ledger"));
    }
}
