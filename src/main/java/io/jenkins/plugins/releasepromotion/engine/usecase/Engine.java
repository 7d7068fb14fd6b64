package io.jenkins.plugins.releasepromotion.engine.usecase;

import io.jenkins.plugins.releasepromotion.engine.config.ReleaseConfig;
import io.jenkins.plugins.releasepromotion.engine.git.GitReader;
import io.jenkins.plugins.releasepromotion.engine.ledger.Ledger;
import io.jenkins.plugins.releasepromotion.engine.verify.Sleeper;
import java.time.Clock;
import java.util.Objects;

/**
 * What the use cases work with: the configuration, the repository, the ledger, how to deploy and verify, and the
 * clock. The command line and the Jenkins steps each build one from their own context.
 *
 * @param live reads staging slots' {@code /api/version} for the gates; {@code null} leaves it unchecked
 * @param sleeper waits between bake-window rounds; {@code null} for real waiting
 */
public record Engine(
        ReleaseConfig config,
        GitReader git,
        Ledger ledger,
        DeployMethods deployMethods,
        VerificationStep verification,
        LiveVersionSource live,
        Clock clock,
        Sleeper sleeper) {

    public Engine {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(git, "git");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(deployMethods, "deployMethods");
        Objects.requireNonNull(verification, "verification");
        Objects.requireNonNull(clock, "clock");
        sleeper = sleeper == null ? Sleeper.real() : sleeper;
    }

    GateFactsGatherer gatherer() {
        return new GateFactsGatherer(config, git, ledger, live, clock);
    }
}
