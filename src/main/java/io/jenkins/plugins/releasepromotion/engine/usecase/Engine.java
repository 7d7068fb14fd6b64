package io.jenkins.plugins.releasepromotion.engine.usecase;

import io.jenkins.plugins.releasepromotion.engine.config.ReleaseConfig;
import io.jenkins.plugins.releasepromotion.engine.git.GitFacts;
import io.jenkins.plugins.releasepromotion.engine.ledger.Ledger;
import java.time.Clock;
import java.util.Objects;

/**
 * What the use cases work with: the configuration, the repository, the ledger, how to deploy and verify, and the
 * clock. The command line and the Jenkins steps each build one from their own context.
 *
 * @param live reads staging slots' {@code /api/version} for the gates; {@code null} leaves it unchecked
 */
public record Engine(
        ReleaseConfig config,
        GitFacts git,
        Ledger ledger,
        DeployMethods deployMethods,
        VerificationStep verification,
        LiveVersionSource live,
        Clock clock) {

    public Engine {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(git, "git");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(clock, "clock");
    }

    GateFactsGatherer gatherer() {
        return new GateFactsGatherer(config, git, ledger, live, clock);
    }
}
