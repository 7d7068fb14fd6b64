package io.jenkins.plugins.releasepromotion.cli;

import io.jenkins.plugins.releasepromotion.engine.config.ConfigException;
import io.jenkins.plugins.releasepromotion.engine.config.ConfigLoader;
import io.jenkins.plugins.releasepromotion.engine.config.ReleaseConfig;
import io.jenkins.plugins.releasepromotion.engine.git.GitFacts;
import io.jenkins.plugins.releasepromotion.engine.ledger.JsonLinesLedger;
import io.jenkins.plugins.releasepromotion.engine.model.TagPattern;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The options every command that works on a repository and a ledger shares. */
final class CommonOptions {

    static final String DEFAULT_CONFIG = "release-promotion.yaml";

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "The configuration (YAML, see docs/configuration.md). Default: " + DEFAULT_CONFIG
                    + " at the top of the repository.")
    Path config;

    @Option(
            names = "--repo",
            paramLabel = "DIR",
            description = "The git repository (a clone with tags), or any folder in it. Default: the repository"
                    + " around the current directory.")
    Path repo;

    @Option(
            names = "--ledger",
            paramLabel = "DIR",
            description = "The ledger directory. Default: .release-promotion/ledger at the top of the repository.")
    Path ledger;

    @Option(names = "--json", description = "Print machine-readable JSON (see docs/cli.md) instead of text.")
    boolean json;

    private Path root;

    /** The top of the repository, found from {@code --repo} or the current directory as git finds it. */
    Path repo() {
        if (root == null) {
            root = RepositoryRoot.of(repo);
        }
        return root;
    }

    /** The configuration file this command reads. */
    Path configFile() {
        return config != null ? config : repo().resolve(DEFAULT_CONFIG);
    }

    ReleaseConfig loadConfig() {
        Path file = configFile();
        if (config == null && !Files.exists(file)) {
            throw new IllegalArgumentException("no configuration in " + repo() + ": " + file + " does not exist;"
                    + " write one with 'release-promotion config init', or give --config FILE");
        }
        List<String> blanks = StarterConfig.blanks(readable(file));
        if (!blanks.isEmpty()) {
            throw new ConfigException(file.toString(), blanks);
        }
        return ConfigLoader.load(file);
    }

    /** The file's text, or nothing when it cannot be read: the loader then names why. */
    private static String readable(Path file) {
        try {
            return Files.size(file) > ConfigLoader.MAX_DOCUMENT_CHARS ? "" : Files.readString(file);
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    GitFacts openRepository(ReleaseConfig releaseConfig) {
        return GitFacts.open(repo(), TagPattern.of(releaseConfig.tagPattern()));
    }

    JsonLinesLedger openLedger() {
        return new JsonLinesLedger(ledgerDirectory());
    }

    /** The ledger directory this command reads and writes. */
    Path ledgerDirectory() {
        return ledger != null ? ledger : repo().resolve(".release-promotion").resolve("ledger");
    }
}
