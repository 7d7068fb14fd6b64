package io.jenkins.plugins.releasepromotion.engine.deploy.ssh;

import io.jenkins.plugins.releasepromotion.engine.config.SshDeployConfig;
import io.jenkins.plugins.releasepromotion.engine.deploy.DeployMethod;
import io.jenkins.plugins.releasepromotion.engine.deploy.DeployTarget;
import io.jenkins.plugins.releasepromotion.engine.port.Command;
import io.jenkins.plugins.releasepromotion.engine.port.CommandRunner;
import io.jenkins.plugins.releasepromotion.engine.port.Credentials;
import io.jenkins.plugins.releasepromotion.engine.port.Secrets;
import java.util.List;
import java.util.Objects;

/**
 * Deploys over SSH: by default the mission's manual procedure, run in the checkout on the server ({@code cd
 * <directory> && git fetch --tags --force origin && git checkout --quiet <tag> && docker compose -f ... down &&
 * docker compose -f ... up -d}); or the configured command template. Every value put into a command is quoted for the
 * shell; the commands run with {@code RELEASE_TAG}, {@code RELEASE_COMMIT}, {@code RELEASE_ENVIRONMENT},
 * {@code RELEASE_SLOT} and {@code RELEASE_DIRECTORY} set.
 */
public final class SshDeployMethod implements DeployMethod {
    private final SshDeployConfig config;
    private final SshCommands commands;
    private final SshCommandRunner runner;

    /**
     * Checks the command template and reads the credential's key; connects on the first command.
     *
     * @throws IllegalArgumentException when the command template puts a placeholder where quoting would not hold
     * @throws io.jenkins.plugins.releasepromotion.engine.port.CredentialsException when the credential is missing
     * @throws io.jenkins.plugins.releasepromotion.engine.port.CommandException when its key cannot be read
     */
    public SshDeployMethod(SshDeployConfig config, Credentials credentials, Secrets secrets) {
        this.config = Objects.requireNonNull(config, "config");
        this.commands = new SshCommands(config);
        this.runner = new SshCommandRunner(config, credentials.sshKey(config.credentialsId()), secrets);
    }

    /** Commands that name no working directory (the logs and migrations checks) run in the configured one. */
    @Override
    public CommandRunner runner() {
        return (command, log) -> runner.run(
                command.workingDirectory() == null && config.directory() != null
                        ? new Command(command.argv(), config.directory(), command.environment(), command.timeout())
                        : command,
                log);
    }

    @Override
    public Command deployCommand(DeployTarget target) {
        return commands.deployCommand(target);
    }

    @Override
    public Command command(List<String> argv, DeployTarget target) {
        return commands.command(argv, target);
    }

    @Override
    public void close() {
        runner.close();
    }

    @Override
    public String toString() {
        return "SshDeployMethod[" + runner + "]";
    }
}
