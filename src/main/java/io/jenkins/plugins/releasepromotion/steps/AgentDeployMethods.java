package io.jenkins.plugins.releasepromotion.steps;

import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig;
import io.jenkins.plugins.releasepromotion.engine.deploy.DeployMethod;
import io.jenkins.plugins.releasepromotion.engine.deploy.DeployTarget;
import io.jenkins.plugins.releasepromotion.engine.port.Command;
import io.jenkins.plugins.releasepromotion.engine.port.CommandException;
import io.jenkins.plugins.releasepromotion.engine.port.CommandResult;
import io.jenkins.plugins.releasepromotion.engine.port.CommandRunner;
import io.jenkins.plugins.releasepromotion.engine.port.LogSink;
import io.jenkins.plugins.releasepromotion.engine.usecase.DeployMethods;
import java.io.File;
import java.util.List;

/**
 * Deploy methods whose commands run on the agent: the commands are built here from the configuration, and each one
 * is sent to the agent, which runs it in the workspace (script) or over SSH from there (ssh). The output streams to
 * the build log from the agent, masked there.
 */
final class AgentDeployMethods implements DeployMethods {
    private final Agent agent;
    private final AgentWork work;
    private final String workspace;

    AgentDeployMethods(Agent agent, AgentWork work, String workspace) {
        this.agent = agent;
        this.work = work;
        this.workspace = workspace;
    }

    @Override
    public DeployMethod open(EnvironmentConfig environment) {
        return new OnAgent(
                AgentWork.open(environment, new File(workspace), work.credentials(), work.secrets()), this::run);
    }

    /** Commands built here, run there. */
    private static final class OnAgent implements DeployMethod {
        private final DeployMethod commands;
        private final CommandRunner runner;

        OnAgent(DeployMethod commands, CommandRunner runner) {
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

        @Override
        public void close() {
            commands.close();
        }
    }

    /** The log sink is the agent's own: lines reach the build log from there. */
    private CommandResult run(Command command, LogSink log) {
        Answer<CommandCall.ResultSpec> answer = agent.call(
                new CommandCall(work, command), "run " + command.argv().get(0), "command");
        if (answer.failure != null) {
            throw new CommandException(answer.failure);
        }
        return answer.value.result();
    }
}
