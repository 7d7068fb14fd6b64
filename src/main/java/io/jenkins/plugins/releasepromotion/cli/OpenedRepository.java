package io.jenkins.plugins.releasepromotion.cli;

import io.jenkins.plugins.releasepromotion.engine.config.ReleaseConfig;
import io.jenkins.plugins.releasepromotion.engine.git.GitFacts;
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
    private final CommandLedger ledger;
    final Engine engine;
    private final EnvironmentCredentials credentials;

    private OpenedRepository(
            ReleaseConfig config,
            GitFacts git,
            CommandLedger ledger,
            Path workspace,
            Map<String, String> environment,
            EnvironmentCredentials creds) {
        this.git = git;
        this.ledger = ledger;
        this.credentials = creds;
        this.engine = CliEngine.create(config, git, ledger.ledger(), workspace, environment, creds, creds.secrets());
    }

    static OpenedRepository open(CommonOptions options, ReleasePromotionCommand root) {
        ReleaseConfig config = options.loadConfig();
        GitFacts git = options.openRepository(config);
        CommandLedger ledger = null;
        boolean opened = false;
        try {
            ledger = options.openLedger(config);
            EnvironmentCredentials credentials = new EnvironmentCredentials(root.environment());
            credentials.warnings().forEach(w -> root.err().println("release-promotion: " + w));
            OpenedRepository repository =
                    new OpenedRepository(config, git, ledger, options.repo(), root.environment(), credentials);
            opened = true;
            return repository;
        } finally {
            if (!opened) {
                git.close();
                if (ledger != null) {
                    ledger.close();
                }
            }
        }
    }

    /**
     * The engine's lines on {@code err}, masked; animated only on a terminal. Progress filters its lines itself and
     * writes the spinner's own control sequences past the filter.
     */
    Progress progress(PrintWriter err, Terminal terminal) {
        PrintWriter unfiltered = TerminalWriter.unfiltered(err);
        return terminal.animated() ? Progress.animated(unfiltered) : Progress.plain(unfiltered);
    }

    LogSink masked(LogSink target) {
        return line -> target.line(mask(line));
    }

    String mask(String text) {
        return credentials.secrets().mask(text);
    }

    @Override
    public void close() {
        ledger.close();
        git.close();
    }
}
