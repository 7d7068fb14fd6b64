package io.jenkins.plugins.releasepromotion.cli;

import io.jenkins.plugins.releasepromotion.engine.config.ConfigException;
import io.jenkins.plugins.releasepromotion.engine.config.ConfigLoader;
import io.jenkins.plugins.releasepromotion.engine.config.ReleaseConfig;
import io.jenkins.plugins.releasepromotion.engine.git.GitFacts;
import io.jenkins.plugins.releasepromotion.engine.model.TagPattern;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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
            paramLabel = "DIR|URL",
            description = "The ledger: a folder, or a shared one at postgresql://HOST[:PORT]/DATABASE[?sslmode=MODE]"
                    + " (the password from RELEASE_PROMOTION_LEDGER_PASSWORD or _PASSWORD_FILE, never in the URL)."
                    + " Default: the configuration's ledger.url, else .release-promotion/ledger at the top of the"
                    + " repository.")
    String ledger;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

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

    /** The ledger of {@code --ledger}, else of the configuration. */
    CommandLedger openLedger(ReleaseConfig releaseConfig) {
        return LedgerLocation.of(ledger, releaseConfig.ledger(), repo())
                .open(environment(), spec.commandLine().getErr());
    }

    /**
     * The ledger for a command that needs no configuration otherwise: {@code --ledger}, else the configuration's when
     * there is one (a shared ledger must never be passed over for the local folder), else the local folder.
     */
    CommandLedger openLedger() {
        if (ledger == null && (config != null || Files.exists(configFile()))) {
            return openLedger(loadConfig());
        }
        return LedgerLocation.of(ledger, null, repo())
                .open(environment(), spec.commandLine().getErr());
    }

    /** The local ledger folder this command would use, or {@code null} when its ledger is a shared database. */
    Path ledgerFolder() {
        if (ledger == null && (config != null || Files.exists(configFile()))) {
            return LedgerLocation.of(null, loadConfig().ledger(), repo()).target() == null
                    ? repo().resolve(".release-promotion").resolve("ledger")
                    : null;
        }
        LedgerLocation location = LedgerLocation.of(ledger, null, repo());
        return location.target() == null ? location.folder() : null;
    }

    private Map<String, String> environment() {
        return spec.root().userObject() instanceof ReleasePromotionCommand root ? root.environment() : Map.of();
    }
}
