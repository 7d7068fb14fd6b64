package io.jenkins.plugins.releasepromotion.engine.deploy.ssh;

import static io.jenkins.plugins.releasepromotion.engine.deploy.ssh.TestSshServer.HOST;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.releasepromotion.engine.config.SshDeployConfig;
import io.jenkins.plugins.releasepromotion.engine.deploy.DeployTarget;
import io.jenkins.plugins.releasepromotion.engine.port.Command;
import io.jenkins.plugins.releasepromotion.engine.port.CommandException;
import io.jenkins.plugins.releasepromotion.engine.port.CommandResult;
import io.jenkins.plugins.releasepromotion.engine.port.CommandRunner;
import io.jenkins.plugins.releasepromotion.engine.port.Credentials;
import io.jenkins.plugins.releasepromotion.engine.port.MapCredentials;
import io.jenkins.plugins.releasepromotion.engine.port.Secrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every deploy test needs: the two servers each test runs against (Apache MINA's in this JVM and a real OpenSSH
 * sshd, both on loopback, started once per test class), keys made by ssh-keygen (the deploy key encrypted with a
 * canary passphrase), a checkout to deploy into, configurations that pin the server's real host key.
 */
abstract class SshDeployContract {
    static final String CANARY = "canary-7Qx!passphrase";
    static final String KEY_ID = "deploy-key";
    static final Duration WAIT = Duration.ofSeconds(20);
    /** The default procedure without docker, which this machine cannot run: fetch, check out, leave a marker. */
    static final String TEMPLATE = "git fetch --tags --force origin && git checkout --quiet {tag}"
            + " && git rev-parse HEAD > .deployed && echo deployed {tag} to {environment}";

    @TempDir
    static Path keys;

    static SshKeygen.Key userKey;
    static SshKeygen.Key strangerKey;
    static Path authorizedKeys;
    static InProcessSshServer mina;
    static OpenSshServer openSsh;

    /** A failed test shows the end of each server's log, which says why the server closed a connection. */
    @RegisterExtension
    static final ServerLogOnFailure SERVER_LOGS = new ServerLogOnFailure(SshDeployContract::servers);

    @TempDir
    Path work;

    Checkout checkout;
    final CapturedLog log = new CapturedLog();

    @BeforeAll
    static void startServers() throws Exception {
        userKey = SshKeygen.generate(keys, "deploy_key", "ed25519", 0, CANARY, false);
        strangerKey = SshKeygen.generate(keys, "stranger_key", "ed25519");
        authorizedKeys = keys.resolve("authorized_keys");
        Files.writeString(authorizedKeys, userKey.publicKey() + " deploy\n", StandardCharsets.UTF_8);
        mina = InProcessSshServer.start(keys.resolve("mina"), authorizedKeys);
        openSsh = OpenSshServer.start(keys.resolve("openssh"), authorizedKeys);
    }

    @AfterAll
    static void stopServers() throws Exception {
        try {
            if (mina != null) {
                mina.stop();
            }
        } finally {
            if (openSsh != null) {
                openSsh.stop();
            }
        }
    }

    /** The servers each test runs against. */
    static Stream<TestSshServer> servers() {
        return Stream.of(mina, openSsh);
    }

    @BeforeEach
    void makeCheckout() throws Exception {
        checkout = Checkout.create(work);
    }

    SshDeployConfig config(TestSshServer server, String command) throws IOException {
        return config(server, command, server.hostKey().knownHostsLine(HOST, server.port()), null);
    }

    SshDeployConfig config(TestSshServer server, String command, String knownHosts, String hostKey) {
        return new SshDeployConfig(
                HOST,
                server.port(),
                TestSshServer.user(),
                KEY_ID,
                knownHosts,
                hostKey,
                checkout.directory().toString(),
                List.of("docker-compose.yml", "docker-compose.production.yml"),
                command,
                Duration.ofSeconds(10),
                Duration.ofSeconds(60));
    }

    SshDeployMethod method(SshDeployConfig config) throws IOException {
        return new SshDeployMethod(config, credentials(userKey, KEY_ID), Secrets.none());
    }

    static Credentials credentials(SshKeygen.Key key, String id) throws IOException {
        return MapCredentials.of(new Credentials.SshKey(id, null, key.privateKey(), key.passphrase()));
    }

    DeployTarget target(String tag, String commit) {
        return new DeployTarget(Environments.named("staging"), 1, tag, commit);
    }

    /** A shell script run in the checkout. */
    Command script(String script, Duration timeout) {
        return new Command(List.of("sh", "-c", script), checkout.directory().toString(), Map.of(), timeout);
    }

    Command script(String script) {
        return script(script, WAIT);
    }

    /** A script that writes its pid where the test can find it, says "started", then hangs. */
    Command hanging(Path pidFile, Duration timeout) {
        return script("echo $$ > " + ShellQuote.quote(pidFile.toString()) + "; echo started; exec sleep 600", timeout);
    }

    /** Waits until the process the hanging script became has ended on the server. */
    static void awaitGone(Path pidFile) throws Exception {
        long pid =
                Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).trim());
        var handle = ProcessHandle.of(pid);
        if (handle.isPresent()) {
            handle.get().onExit().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .as("process %s is gone", pid)
                .isFalse();
    }

    /** Runs a command on another thread, as a build step would, so the test can stop or cut it meanwhile. */
    static final class Background {
        final AtomicReference<Object> outcome = new AtomicReference<>();
        final AtomicBoolean interruptFlag = new AtomicBoolean();
        final Thread thread;

        Background(CommandRunner runner, Command command, CapturedLog log) {
            thread = new Thread(
                    () -> {
                        try {
                            outcome.set(runner.run(command, log));
                        } catch (RuntimeException e) {
                            outcome.set(e);
                        }
                        interruptFlag.set(Thread.currentThread().isInterrupted());
                    },
                    "deploy");
            thread.start();
        }

        Object await() throws InterruptedException {
            thread.join(WAIT.toMillis());
            assertThat(thread.isAlive()).as("the run ended").isFalse();
            return outcome.get();
        }

        /** The run's failure, which the test expects. */
        CommandException failure() throws InterruptedException {
            Object ended = await();
            assertThat(ended).isInstanceOf(CommandException.class);
            return (CommandException) ended;
        }
    }

    static CommandResult succeeded(CommandResult result) {
        assertThat(result.succeeded()).as("%s", result).isTrue();
        return result;
    }
}
