package io.jenkins.plugins.releasepromotion.steps;

import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig;
import io.jenkins.plugins.releasepromotion.engine.deploy.DeployMethod;
import io.jenkins.plugins.releasepromotion.engine.port.Command;
import io.jenkins.plugins.releasepromotion.engine.port.CommandException;
import io.jenkins.plugins.releasepromotion.engine.port.CommandResult;
import io.jenkins.plugins.releasepromotion.engine.port.CredentialsException;
import java.io.File;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import jenkins.MasterToSlaveFileCallable;

/** Runs one command of an SSH deploy over SSH from this agent, which reads the key. */
final class CommandCall extends MasterToSlaveFileCallable<Answer<CommandCall.ResultSpec>> {
    @Serial
    private static final long serialVersionUID = 1L;

    private final AgentWork work;
    private final CommandSpec command;

    CommandCall(AgentWork work, Command command) {
        this.work = work;
        this.command = new CommandSpec(command);
    }

    @Override
    public Answer<ResultSpec> invoke(File workspace, VirtualChannel channel) {
        EnvironmentConfig env = work.environment();
        try (DeployMethod method = work.open(env)) {
            return Answer.of(new ResultSpec(method.runner().run(command.command(), work.log())));
        } catch (CommandException | CredentialsException e) {
            return Answer.failed("command", work.secrets().mask(e.getMessage()));
        }
    }

    /** A command as plain values. */
    public static final class CommandSpec implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        private final ArrayList<String> argv;
        private final String workingDirectory;
        private final HashMap<String, String> environment;
        private final long timeoutMillis;

        CommandSpec(Command command) {
            this.argv = new ArrayList<>(command.argv());
            this.workingDirectory = command.workingDirectory();
            this.environment = new HashMap<>(command.environment());
            this.timeoutMillis = command.timeout().toMillis();
        }

        Command command() {
            return new Command(argv, workingDirectory, environment, Duration.ofMillis(timeoutMillis));
        }
    }

    /** How a command ended, as plain values. */
    public static final class ResultSpec implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        private final int exitCode;
        private final boolean timedOut;
        private final long durationMillis;
        private final ArrayList<String> output;

        ResultSpec(CommandResult result) {
            this.exitCode = result.exitCode();
            this.timedOut = result.timedOut();
            this.durationMillis = result.duration().toMillis();
            this.output = new ArrayList<>(result.output());
        }

        CommandResult result() {
            return new CommandResult(exitCode, timedOut, Duration.ofMillis(durationMillis), output);
        }
    }
}
