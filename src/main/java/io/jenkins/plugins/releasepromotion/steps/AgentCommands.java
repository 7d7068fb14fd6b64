package io.jenkins.plugins.releasepromotion.steps;

import hudson.FilePath;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.releasepromotion.engine.port.CommandRunner;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;

/**
 * The build's launcher as work on the agent reaches it: the logs and migrations checks of a script deploy run their
 * commands through it, as the deploy does, so that {@code withEnv}, {@code container} and {@code docker.inside} apply.
 * Work on the agent holds an exported handle to it; each call comes back to the launcher, which starts the process
 * on the agent. The lines the command printed (masked) go back with its result, for the check to read.
 */
public interface AgentCommands {
    /** Bounds what one command sends back; a check reading logs asks for a bounded tail anyway. */
    int MAX_LINES = 10_000;

    /** @throws io.jenkins.plugins.releasepromotion.engine.port.CommandException when it cannot start or is stopped */
    Ran run(CommandCall.CommandSpec command);

    /** The runner, keeping the lines for the caller. */
    static AgentCommands of(CommandRunner runner) {
        return command -> {
            Kept kept = new Kept();
            CommandCall.ResultSpec result = new CommandCall.ResultSpec(runner.run(command.command(), kept::keep));
            return new Ran(kept.lines(), result);
        };
    }

    /** A handle that work sent to the workspace's agent can carry and call back. */
    static AgentCommands reachableFrom(FilePath workspace, AgentCommands commands) {
        VirtualChannel channel = workspace.getChannel();
        return channel == null ? commands : channel.export(AgentCommands.class, commands);
    }

    /**
     * For the engine, on the agent: the command's lines reach the sink when it has ended. A static method, not a
     * default one: every method of an exported interface is a call back through the channel.
     */
    static CommandRunner runner(AgentCommands commands) {
        return (command, log) -> {
            Ran ran = commands.run(new CommandCall.CommandSpec(command));
            ran.lines.forEach(log::line);
            return ran.result.result();
        };
    }

    /** How a command ended and the lines it printed, as plain values. */
    final class Ran implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        private final ArrayList<String> lines;
        private final CommandCall.ResultSpec result;

        Ran(ArrayList<String> lines, CommandCall.ResultSpec result) {
            this.lines = lines;
            this.result = result;
        }
    }

    /** The lines a command prints while it runs, at most {@link #MAX_LINES}. */
    final class Kept {
        private final ArrayList<String> lines = new ArrayList<>();

        synchronized void keep(String line) {
            if (lines.size() < MAX_LINES) {
                lines.add(line);
            }
        }

        synchronized ArrayList<String> lines() {
            return new ArrayList<>(lines);
        }
    }
}
