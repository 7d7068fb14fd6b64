package io.jenkins.plugins.releasepromotion.bench;

import io.jenkins.plugins.releasepromotion.engine.deploy.ssh.SshRoundTrips;
import java.nio.file.Path;

/** Figure 5: 100 remote commands through our SSH client against the OpenSSH client, to the same loopback sshd. */
final class SshFigure {
    private static final int COMMANDS = 100;
    private static final int ROUNDS = 5;

    private final Path dir;

    SshFigure(Path dir) {
        this.dir = dir;
    }

    Figure run() throws Exception {
        double[][] seconds = SshRoundTrips.measure(dir, COMMANDS, ROUNDS);
        Stats ours = Stats.of(seconds[0]);
        Stats openSsh = Stats.of(seconds[1]);
        double ratio = ours.median() / openSsh.median();
        return new Figure(
                "SSH: " + COMMANDS + " remote commands, our client vs OpenSSH `ssh` (s)",
                ours.format("s"),
                openSsh.format("s") + " (`ssh … true`, one process each)",
                ratio,
                "≤ 1.0",
                ratio <= 1.0);
    }
}
