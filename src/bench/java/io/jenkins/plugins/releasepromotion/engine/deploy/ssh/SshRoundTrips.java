package io.jenkins.plugins.releasepromotion.engine.deploy.ssh;

import io.jenkins.plugins.releasepromotion.engine.config.SshDeployConfig;
import io.jenkins.plugins.releasepromotion.engine.port.Command;
import io.jenkins.plugins.releasepromotion.engine.port.CommandResult;
import io.jenkins.plugins.releasepromotion.engine.port.Credentials;
import io.jenkins.plugins.releasepromotion.engine.port.LogSink;
import io.jenkins.plugins.releasepromotion.engine.port.Secrets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Figure 5's measurements: {@code commands} remote commands to a real OpenSSH {@code sshd} on loopback, through our
 * client (one login, a channel per command, as a deploy and its checks run) and through the OpenSSH {@code ssh}
 * client (a process and a login per command, as a deploy script that calls {@code ssh} does).
 */
public final class SshRoundTrips {
    private SshRoundTrips() {}

    /** Seconds per round, ours then OpenSSH's, for each of {@code rounds} rounds. */
    public static double[][] measure(Path dir, int commands, int rounds) throws Exception {
        // A new folder each run: ssh-keygen will not overwrite the key of an earlier one.
        Path keys = Files.createTempDirectory(dir, "ssh");
        SshKeygen.Key user = SshKeygen.generate(keys, "bench_key", "ed25519");
        Path authorized = keys.resolve("authorized_keys");
        Files.writeString(authorized, user.publicKey() + " bench\n", StandardCharsets.UTF_8);
        OpenSshServer server = OpenSshServer.start(keys.resolve("openssh"), authorized);
        try {
            String knownHosts = server.hostKey().knownHostsLine(TestSshServer.HOST, server.port());
            Path knownHostsFile = keys.resolve("known_hosts");
            Files.writeString(knownHostsFile, knownHosts + "\n", StandardCharsets.UTF_8);
            SshDeployConfig config = new SshDeployConfig(
                    TestSshServer.HOST,
                    server.port(),
                    TestSshServer.user(),
                    "bench",
                    knownHosts,
                    null,
                    null,
                    null,
                    null,
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(30));
            Credentials.SshKey key =
                    new Credentials.SshKey("bench", null, Files.readString(user.file(), StandardCharsets.UTF_8), null);
            List<String> ssh = List.of(
                    "ssh",
                    "-i",
                    user.file().toString(),
                    "-p",
                    Integer.toString(server.port()),
                    "-o",
                    "UserKnownHostsFile=" + knownHostsFile,
                    "-o",
                    "StrictHostKeyChecking=yes",
                    "-o",
                    "BatchMode=yes",
                    "-o",
                    "IdentitiesOnly=yes",
                    TestSshServer.user() + "@" + TestSshServer.HOST,
                    "true");
            double[][] seconds = new double[2][rounds];
            for (int round = 0; round < rounds; round++) {
                long start = System.nanoTime();
                try (SshCommandRunner runner = new SshCommandRunner(config, key, Secrets.none())) {
                    for (int i = 0; i < commands; i++) {
                        CommandResult result = runner.run(
                                new Command(List.of("true"), null, Map.of(), Duration.ofSeconds(30)),
                                LogSink.discard());
                        if (result.exitCode() != 0) {
                            throw new IllegalStateException("true failed over our client: " + result.exitCode());
                        }
                    }
                }
                seconds[0][round] = (System.nanoTime() - start) / 1e9;
                start = System.nanoTime();
                for (int i = 0; i < commands; i++) {
                    Process process = new ProcessBuilder(ssh)
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .start();
                    if (process.waitFor() != 0) {
                        throw new IllegalStateException("true failed over ssh: " + process.exitValue());
                    }
                }
                seconds[1][round] = (System.nanoTime() - start) / 1e9;
            }
            return seconds;
        } finally {
            server.stop();
        }
    }
}
