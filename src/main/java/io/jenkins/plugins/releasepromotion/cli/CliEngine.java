package io.jenkins.plugins.releasepromotion.cli;

import io.jenkins.plugins.releasepromotion.engine.config.ReleaseConfig;
import io.jenkins.plugins.releasepromotion.engine.deploy.script.ScriptDeployMethod;
import io.jenkins.plugins.releasepromotion.engine.deploy.ssh.SshDeployMethod;
import io.jenkins.plugins.releasepromotion.engine.git.GitFacts;
import io.jenkins.plugins.releasepromotion.engine.ledger.Ledger;
import io.jenkins.plugins.releasepromotion.engine.port.Credentials;
import io.jenkins.plugins.releasepromotion.engine.port.Secrets;
import io.jenkins.plugins.releasepromotion.engine.usecase.Engine;
import io.jenkins.plugins.releasepromotion.engine.usecase.HttpLive;
import io.jenkins.plugins.releasepromotion.engine.usecase.VerificationStep;
import io.jenkins.plugins.releasepromotion.engine.verify.Sleeper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** The engine as the command line runs it: deploys from the repository's directory, real HTTP, real time. */
final class CliEngine {
    private static final Duration LIVE_TIMEOUT = Duration.ofSeconds(5);

    private CliEngine() {}

    /**
     * @param environment the command's environment; a script deploy's commands get of it only what
     *     {@link io.jenkins.plugins.releasepromotion.engine.config.ChildEnvironment} lets through
     * @param secrets every secret the command has read, masked in whatever the deploys and checks print
     */
    static Engine create(
            ReleaseConfig config,
            GitFacts git,
            Ledger ledger,
            Path workspace,
            Map<String, String> environment,
            Credentials credentials,
            Secrets secrets) {
        return new Engine(
                config,
                git,
                ledger,
                env -> env.deploy().ssh() != null
                        ? new SshDeployMethod(env.deploy().ssh(), credentials, secrets)
                        : new ScriptDeployMethod(env.deploy().script(), workspace, environment, secrets),
                VerificationStep.using(credentials, Clock.systemUTC(), Sleeper.real(), secrets),
                new HttpLive(LIVE_TIMEOUT),
                Clock.systemUTC(),
                Sleeper.real());
    }
}
