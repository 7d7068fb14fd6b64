package io.jenkins.plugins.releasepromotion.engine.deploy.script;

import io.jenkins.plugins.releasepromotion.engine.config.ChildEnvironment;
import io.jenkins.plugins.releasepromotion.engine.config.ScriptDeployConfig;
import io.jenkins.plugins.releasepromotion.engine.deploy.DeployMethod;
import io.jenkins.plugins.releasepromotion.engine.deploy.DeployTarget;
import io.jenkins.plugins.releasepromotion.engine.port.Command;
import io.jenkins.plugins.releasepromotion.engine.port.CommandRunner;
import io.jenkins.plugins.releasepromotion.engine.port.Secrets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Deploys by running a configured command on this machine, in the workspace (or the configured working directory
 * under it), e.g. {@code [./scripts/deploy-staging.sh, {slot}, {tag}]}. Every command, the deploy as well as backup,
 * maintenance and log commands, gets the target's placeholders filled in, {@code RELEASE_TAG} and its siblings in
 * the environment, and the configured timeout.
 */
public final class ScriptDeployMethod implements DeployMethod {
    private final ScriptDeployConfig config;
    private final CommandRunner runner;

    /**
     * Commands run as local processes, with what this process's environment may give them.
     *
     * @throws IllegalArgumentException when the configured command is empty or names an unknown placeholder
     */
    public ScriptDeployMethod(ScriptDeployConfig config, Path workspace, Secrets secrets) {
        this(config, workspace, System.getenv(), secrets);
    }

    /**
     * Commands run as local processes. Of {@code parent} they get only what {@link ChildEnvironment} lets through:
     * the usual variables and those {@link ScriptDeployConfig#passEnvironment()} names, never a credential variable.
     *
     * @param workspace where commands run unless {@link ScriptDeployConfig#workingDirectory()} says otherwise; a
     *     relative working directory is resolved against it
     * @param parent the environment of the process that runs the deploy
     * @throws IllegalArgumentException when the configured command is empty or names an unknown placeholder
     */
    public ScriptDeployMethod(ScriptDeployConfig config, Path workspace, Map<String, String> parent, Secrets secrets) {
        this(config, new LocalCommandRunner(workspace, ChildEnvironment.of(parent, config.passEnvironment()), secrets));
    }

    /**
     * Commands run by the given runner, which resolves a relative working directory against the workspace it starts
     * them in (a Jenkins build starts them through its launcher).
     *
     * @throws IllegalArgumentException when the configured command is empty or names an unknown placeholder
     */
    public ScriptDeployMethod(ScriptDeployConfig config, CommandRunner runner) {
        this.config = Objects.requireNonNull(config, "config");
        if (config.command().isEmpty()) {
            throw new IllegalArgumentException(
                    "The script deploy has no command; set deploy.script.command, e.g. [./scripts/deploy.sh, {tag}].");
        }
        Placeholders.check(config.command());
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    @Override
    public CommandRunner runner() {
        return runner;
    }

    @Override
    public Command deployCommand(DeployTarget target) {
        return command(config.command(), target);
    }

    @Override
    public Command command(List<String> argv, DeployTarget target) {
        return new Command(
                Placeholders.fill(argv, target.placeholders()),
                config.workingDirectory(),
                target.environmentVariables(),
                config.timeout());
    }

    /** Nothing to release: every command is its own process, gone when it returns. */
    @Override
    public void close() {}
}
