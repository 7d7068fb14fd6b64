package io.jenkins.plugins.releasepromotion.engine.deploy.ssh;

import static io.jenkins.plugins.releasepromotion.engine.deploy.ssh.TestSshServer.HOST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.releasepromotion.engine.port.Command;
import io.jenkins.plugins.releasepromotion.engine.port.CommandException;
import io.jenkins.plugins.releasepromotion.engine.port.CommandResult;
import io.jenkins.plugins.releasepromotion.engine.port.Secrets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What goes wrong during a deploy, against each server: each ends in a result or one clear line. */
class SshFaultsTest extends SshDeployContract {

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aHangingCommandIsStoppedAtItsTimeoutWithEveryProcessItStarted(TestSshServer server) throws Exception {
        Path pidFile = work.resolve("hang.pid");
        try (SshDeployMethod method = method(config(server, TEMPLATE))) {
            CommandResult result = method.runner().run(hanging(pidFile, Duration.ofSeconds(2)), log);

            assertThat(result.timedOut()).isTrue();
            assertThat(result.exitCode()).isEqualTo(-1);
            assertThat(result.output()).containsExactly("started");
            assertThat(log.lines())
                    .anyMatch(line -> line.endsWith(" ran past its timeout of 2s on " + HOST + ":" + server.port()
                            + "; stopping it and the processes it started."));
            awaitGone(pidFile);
            // The session outlives the stopped command.
            succeeded(method.runner().run(script("echo still here"), log));
        }
    }

    /** A command that ignores TERM is killed once the grace has passed; one server shows it, as it takes that long. */
    @Test
    void aCommandThatIgnoresTermIsKilledAfterTheGrace() throws Exception {
        Path pidFile = work.resolve("stubborn.pid");
        Command stubborn = script(
                "trap '' TERM; echo $$ > " + ShellQuote.quote(pidFile.toString()) + "; sleep 600 & wait",
                Duration.ofSeconds(5));
        try (SshDeployMethod method = method(config(openSsh, TEMPLATE))) {
            assertThat(method.runner().run(stubborn, log).timedOut()).isTrue();
            long pid = Long.parseLong(
                    Files.readString(pidFile, StandardCharsets.UTF_8).trim());
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive))
                    .as("still there within the grace")
                    .contains(true);
            awaitGone(pidFile);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void anInterruptedRunStopsTheCommandAndKeepsTheInterrupt(TestSshServer server) throws Exception {
        Path pidFile = work.resolve("interrupted.pid");
        try (SshDeployMethod method = method(config(server, TEMPLATE))) {
            Background run = new Background(method.runner(), hanging(pidFile, WAIT.multipliedBy(3)), log);
            log.await("started", WAIT);
            run.thread.interrupt();

            assertThat(run.failure())
                    .hasMessageStartingWith("Stopped running sh -c ")
                    .hasMessageEndingWith(" on " + HOST + ":" + server.port() + " because the run was interrupted.")
                    .extracting(Throwable::getCause)
                    .isInstanceOf(InterruptedException.class);
            assertThat(run.interruptFlag).isTrue();
            awaitGone(pidFile);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aConnectionDroppedMidCommandIsNamedAndTheNextCommandLogsInAgain(TestSshServer server) throws Exception {
        Path pidFile = work.resolve("dropped.pid");
        int before = server.logins();
        try (SshDeployMethod method = method(config(server, TEMPLATE))) {
            Background run = new Background(method.runner(), hanging(pidFile, WAIT.multipliedBy(3)), log);
            log.await("started", WAIT);
            server.dropConnections();

            assertThat(run.failure())
                    .hasMessageStartingWith("The connection to " + HOST + ":" + server.port()
                            + " dropped while running the deploy (sh -c ")
                    .hasMessageEndingWith("); its outcome on the server is unknown and what still ran there was"
                            + " stopped: check the server, then deploy again.");
            awaitGone(pidFile);
            succeeded(method.runner().run(script("echo back again"), log));
        }
        assertThat(server.logins() - before).isEqualTo(2);
    }

    /** The client hears only that the server hung up; a failed test shows what each server logged about it. */
    @Test
    void aFailedTestShowsTheEndOfEachServersLog() throws Exception {
        for (TestSshServer server : List.of(mina, openSsh)) {
            try (SshDeployMethod method = method(config(server, TEMPLATE))) {
                succeeded(method.runner().run(script("true"), log));
            }
        }
        AssertionError failure = new AssertionError("failed");

        assertThatThrownBy(() -> SERVER_LOGS.handleTestExecutionException(null, failure))
                .isSameAs(failure);
        assertThat(failure.getSuppressed())
                .extracting(Throwable::getMessage)
                .anySatisfy(text -> assertThat(text)
                        .startsWith("The log of OpenSSH sshd ends with:\n")
                        .contains("Accepted publickey for " + TestSshServer.user()))
                .anySatisfy(text -> assertThat(text)
                        .startsWith("The log of Apache MINA SshServer ends with:\n")
                        .contains(" Authenticated", " closed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aKeyTheServerDoesNotKnowIsRefusedNamingTheCredential(TestSshServer server) throws Exception {
        String user = TestSshServer.user();
        try (SshDeployMethod method =
                new SshDeployMethod(config(server, TEMPLATE), credentials(strangerKey, KEY_ID), Secrets.none())) {
            assertThatThrownBy(() -> method.runner().run(script("echo never"), log))
                    .isInstanceOf(CommandException.class)
                    .hasMessage(user + "@" + HOST + ":" + server.port() + " refused the key of credential '" + KEY_ID
                            + "'; add its public key to ~" + user + "/.ssh/authorized_keys on the server.");
        }
        assertThat(log.lines()).isEmpty();
    }
}
