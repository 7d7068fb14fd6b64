package io.jenkins.plugins.releasepromotion.engine.deploy.script;

import io.jenkins.plugins.releasepromotion.engine.config.ChildEnvironment;
import io.jenkins.plugins.releasepromotion.engine.port.Command;
import io.jenkins.plugins.releasepromotion.engine.port.CommandException;
import io.jenkins.plugins.releasepromotion.engine.port.CommandResult;
import io.jenkins.plugins.releasepromotion.engine.port.CommandRunner;
import io.jenkins.plugins.releasepromotion.engine.port.LogSink;
import io.jenkins.plugins.releasepromotion.engine.port.Secrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command as a local process, never through a shell: the argv goes to the operating system as it is. Output
 * (stdout and stderr together) reaches the log line by line, masked. A command that runs past its timeout, or whose
 * thread is interrupted (a build being stopped), is killed with every process it started. Its environment is the
 * one it was given (see {@link ChildEnvironment}) and the command's own variables, nothing else of this process.
 *
 * <p>An interrupted run ends in a {@link CommandException} caused by an {@link InterruptedException}, with the
 * thread's interrupt flag set again.
 */
public final class LocalCommandRunner implements CommandRunner {
    /** How long output may still arrive after the process ended, from children that hold its output open. */
    private static final Duration DRAIN_GRACE = Duration.ofSeconds(2);

    private final Path defaultDirectory;
    private final Map<String, String> inherited;
    private final Secrets secrets;

    /**
     * Commands get what {@link ChildEnvironment} lets through of this process's environment, and nothing more.
     *
     * @param defaultDirectory where commands run, and what a relative {@link Command#workingDirectory()} resolves
     *     against; usually the workspace
     */
    public LocalCommandRunner(Path defaultDirectory, Secrets secrets) {
        this(defaultDirectory, ChildEnvironment.of(System.getenv(), List.of()), secrets);
    }

    /**
     * @param inherited the whole environment a command starts with, before its own variables are added
     */
    public LocalCommandRunner(Path defaultDirectory, Map<String, String> inherited, Secrets secrets) {
        this.defaultDirectory = Objects.requireNonNull(defaultDirectory, "defaultDirectory");
        this.inherited = Map.copyOf(inherited);
        this.secrets = Objects.requireNonNull(secrets, "secrets");
    }

    @Override
    public CommandResult run(Command command, LogSink log) {
        String program = Names.display(command.argv().get(0), secrets);
        long started = System.nanoTime();
        Process process = start(command);
        OutputPump pump = OutputPump.start(process.getInputStream(), secrets, log, program);
        boolean finished;
        try {
            finished = process.waitFor(nanos(command.timeout()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            ProcessTree.kill(process);
            pump.finish(DRAIN_GRACE);
            Thread.currentThread().interrupt();
            throw new CommandException(
                    program + " was stopped because the run was interrupted; it and the processes it started were"
                            + " killed.",
                    e);
        }
        if (!finished) {
            log.line(program + " ran past its timeout of " + Names.duration(command.timeout())
                    + "; killing it and the processes it started.");
            ProcessTree.kill(process);
        }
        List<String> tail = pump.finish(DRAIN_GRACE);
        if (!pump.complete()) {
            log.line(program + " left processes running that still write to its output; that output is not shown.");
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        return new CommandResult(finished ? process.exitValue() : -1, !finished, took, tail);
    }

    private Process start(Command command) {
        Path directory = command.workingDirectory() == null
                ? defaultDirectory
                : defaultDirectory.resolve(command.workingDirectory()).normalize();
        if (!Files.isDirectory(directory)) {
            throw StartFailure.missingDirectory(directory, secrets);
        }
        ProcessBuilder builder =
                new ProcessBuilder(command.argv()).directory(directory.toFile()).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.putAll(inherited);
        environment.putAll(command.environment());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw StartFailure.of(command.argv().get(0), directory, e, secrets);
        }
        closeInput(process);
        return process;
    }

    /** A command gets no input: one that asks for some reads end-of-file instead of waiting until its timeout. */
    private static void closeInput(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // The process has already gone; its exit status will tell.
        }
    }

    private static long nanos(Duration timeout) {
        try {
            return Math.max(0, timeout.toNanos());
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}
