package io.jenkins.plugins.releasepromotion.steps;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Proc;
import io.jenkins.plugins.releasepromotion.engine.deploy.OutputLines;
import io.jenkins.plugins.releasepromotion.engine.deploy.script.Names;
import io.jenkins.plugins.releasepromotion.engine.deploy.script.StartFailure;
import io.jenkins.plugins.releasepromotion.engine.port.Command;
import io.jenkins.plugins.releasepromotion.engine.port.CommandException;
import io.jenkins.plugins.releasepromotion.engine.port.CommandResult;
import io.jenkins.plugins.releasepromotion.engine.port.CommandRunner;
import io.jenkins.plugins.releasepromotion.engine.port.LogSink;
import io.jenkins.plugins.releasepromotion.engine.port.Secrets;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the commands of a script deploy (and its backup, maintenance and logs commands) through the build's launcher,
 * in the workspace, with the build's environment: what {@code withEnv}, tool installations, {@code container} and
 * {@code docker.inside} set up applies to them as it does to {@code sh}. The argv goes to the launcher as it is, never
 * through a shell; the launcher does not echo it (it may hold a secret); output reaches the log masked.
 */
final class AgentLauncher implements CommandRunner {
    private final Launcher launcher;
    private final EnvVars environment;
    private final FilePath workspace;
    private final Secrets secrets;

    AgentLauncher(Launcher launcher, EnvVars environment, FilePath workspace, Secrets secrets) {
        this.launcher = launcher;
        this.environment = environment == null ? new EnvVars() : environment;
        this.workspace = workspace;
        this.secrets = secrets;
    }

    @Override
    public CommandResult run(Command command, LogSink log) {
        String program = Names.display(command.argv().get(0), secrets);
        FilePath directory =
                command.workingDirectory() == null ? workspace : new FilePath(workspace, command.workingDirectory());
        OutputLines output = new OutputLines(secrets, log);
        long started = System.nanoTime();
        Proc proc = start(command, directory, output);
        Timeout timeout = Timeout.watch(
                proc,
                command.timeout(),
                () -> log.line(program
                        + " ran past its timeout of " + Names.duration(command.timeout())
                        + "; killing it and the processes it started."));
        int exitCode;
        try {
            exitCode = proc.join();
        } catch (InterruptedException e) {
            // Proc#join has killed the process tree already; the interrupt is the build being stopped.
            output.finish();
            Thread.currentThread().interrupt();
            throw new CommandException(
                    program + " was stopped because the run was interrupted; it and the processes it started were"
                            + " killed.",
                    e);
        } catch (IOException e) {
            throw new CommandException(program + " could not be followed to its end: " + secrets.mask(message(e)), e);
        } finally {
            timeout.cancel();
        }
        List<String> tail = output.finish();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        return new CommandResult(timeout.expired() ? -1 : exitCode, timeout.expired(), took, tail);
    }

    private Proc start(Command command, FilePath directory, OutputLines output) {
        EnvVars env = new EnvVars(environment);
        env.putAll(command.environment());
        try {
            return launcher.launch()
                    .cmds(command.argv())
                    .envs(env)
                    .pwd(directory)
                    .stdout(output.stdout())
                    .quiet(true)
                    .start();
        } catch (InterruptedIOException e) {
            // A remote launcher reports a stop while starting as this (hudson.Launcher.RemoteLauncher#launch).
            Thread.currentThread().interrupt();
            throw new CommandException(
                    Names.display(command.argv().get(0), secrets) + " was not started: the run was interrupted.", e);
        } catch (IOException e) {
            String text = message(e);
            if (text.contains("doesn't exist")) {
                throw StartFailure.missingDirectory(Path.of(directory.getRemote()), secrets);
            }
            throw StartFailure.of(command.argv().get(0), Path.of(directory.getRemote()), e, secrets);
        }
    }

    private static String message(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Kills the process with everything it started once its time is up, unless it ended first. */
    private static final class Timeout {
        private final CountDownLatch ended = new CountDownLatch(1);
        private final AtomicBoolean expired = new AtomicBoolean();

        static Timeout watch(Proc proc, Duration limit, Runnable announce) {
            Timeout timeout = new Timeout();
            Thread watch = new Thread(
                    () -> {
                        try {
                            if (!timeout.ended.await(nanos(limit), TimeUnit.NANOSECONDS)) {
                                timeout.expired.set(true);
                                announce.run();
                                proc.kill();
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } catch (IOException | RuntimeException e) {
                            // The process ended or the agent went away while it was being killed; join() tells.
                        }
                    },
                    "timeout of a release-promotion command");
            watch.setDaemon(true);
            watch.start();
            return timeout;
        }

        void cancel() {
            ended.countDown();
        }

        boolean expired() {
            return expired.get();
        }

        private static long nanos(Duration timeout) {
            try {
                return Math.max(0, timeout.toNanos());
            } catch (ArithmeticException e) {
                return Long.MAX_VALUE;
            }
        }
    }
}
