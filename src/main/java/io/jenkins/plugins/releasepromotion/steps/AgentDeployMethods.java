package io.jenkins.plugins.releasepromotion.steps;

import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig;
import io.jenkins.plugins.releasepromotion.engine.deploy.DeployMethod;
import io.jenkins.plugins.releasepromotion.engine.deploy.DeployTarget;
import io.jenkins.plugins.releasepromotion.engine.deploy.script.ScriptDeployMethod;
import io.jenkins.plugins.releasepromotion.engine.deploy.ssh.SshCommands;
import io.jenkins.plugins.releasepromotion.engine.port.Command;
import io.jenkins.plugins.releasepromotion.engine.port.CommandException;
import io.jenkins.plugins.releasepromotion.engine.port.CommandResult;
import io.jenkins.plugins.releasepromotion.engine.port.CommandRunner;
import io.jenkins.plugins.releasepromotion.engine.port.LogSink;
import io.jenkins.plugins.releasepromotion.engine.usecase.DeployMethods;
import java.util.List;

/**
 * Deploy methods whose commands run on the agent. A script deploy's commands start through the build's launcher, in
 * the workspace, with the build's environment. An SSH deploy's commands are built here from the configuration alone
 * (the key is not read here) and each one is sent to the agent, which reads the key and runs it over SSH from there.
 * Output reaches the build log masked.
 */
final class AgentDeployMethods implements DeployMethods {
    private final Agent agent;
    private final AgentWork work;
    private final CommandRunner launcher;

    AgentDeployMethods(Agent agent, AgentWork work, CommandRunner launcher) {
        this.agent = agent;
        this.work = work;
        this.launcher = launcher;
    }

    @Override
    public DeployMethod open(EnvironmentConfig environment) {
        if (environment.deploy() != null && environment.deploy().ssh() != null) {
            return new OverSsh(new SshCommands(environment.deploy().ssh()), this::overSsh);
        }
        return new ScriptDeployMethod(environment.deploy().script(), launcher);
    }

    /** Commands built here, run over SSH from the agent. */
    private static final class OverSsh implements DeployMethod {
        private final SshCommands commands;
        private final CommandRunner runner;

        OverSsh(SshCommands commands, CommandRunner runner) {
            this.commands = commands;
            this.runner = runner;
        }

        @Override
        public CommandRunner runner() {
            return runner;
        }

        @Override
        public Command deployCommand(DeployTarget target) {
            return commands.deployCommand(target);
        }

        @Override
        public Command command(List<String> argv, DeployTarget target) {
            return commands.command(argv, target);
        }

        /** Each command's session is the agent's, opened and closed there. */
        @Override
        public void close() {}
    }

    /** The log sink is the agent's own: lines reach the build log from there. */
    private CommandResult overSsh(Command command, LogSink log) {
        Answer<CommandCall.ResultSpec> answer = agent.call(
                new CommandCall(work, command), "run " + command.argv().get(0), "command");
        if (answer.failure != null) {
            throw new CommandException(answer.failure);
        }
        return answer.value.result();
    }
}
