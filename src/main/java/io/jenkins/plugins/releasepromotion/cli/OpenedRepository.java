package io.jenkins.plugins.releasepromotion.cli;

import io.jenkins.plugins.releasepromotion.engine.config.ReleaseConfig;
import io.jenkins.plugins.releasepromotion.engine.git.GitFacts;
import io.jenkins.plugins.releasepromotion.engine.ledger.JsonLinesLedger;
import io.jenkins.plugins.releasepromotion.engine.port.LogSink;
import io.jenkins.plugins.releasepromotion.engine.usecase.Engine;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * What an operation command works on: the configuration, the repository, the ledger and the engine over them, with
 * credentials from the environment and every line of output masked.
 */
final class OpenedRepository implements AutoCloseable {
    private final GitFacts git;
    final Engine engine;
    private final EnvironmentCredentials credentials;

    private OpenedRepository(
            ReleaseConfig config,
            GitFacts git,
            JsonLinesLedger ledger,
            Path workspace,
            Map<String, String> environment,
            EnvironmentCredentials creds) {
        this.git = git;
        this.credentials = creds;
        this.engine = CliEngine.create(config, git, ledger, workspace, environment, creds, creds.secrets());
    }

    static OpenedRepository open(CommonOptions options, ReleasePromotionCommand root) {
        ReleaseConfig config = options.loadConfig();
        GitFacts git = options.openRepository(config);
        boolean opened = false;
        try {
            OpenedRepository repository = new OpenedRepository(
                    config,
                    git,
                    options.openLedger(),
                    options.repo(),
                    root.environment(),
                    new EnvironmentCredentials(root.environment()));
            opened = true;
            return repository;
        } finally {
            if (!opened) {
                git.close();
            }
        }
    }

    /** The engine's lines on {@code err}, masked; animated only on a terminal. */
    Progress progress(PrintWriter err, Terminal terminal) {
        return terminal.animated() ? Progress.animated(err) : Progress.plain(err);
    }

    LogSink masked(LogSink target) {
        return line -> target.line(mask(line));
    }

    String mask(String text) {
        return credentials.secrets().mask(text);
    }

    @Override
    public void close() {
        git.close();
    }
}
