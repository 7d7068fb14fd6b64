package io.jenkins.plugins.releasepromotion.engine.deploy.ssh;

import static io.jenkins.plugins.releasepromotion.engine.deploy.ssh.TestSshServer.HOST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jenkins.plugins.releasepromotion.engine.port.CommandException;
import io.jenkins.plugins.releasepromotion.engine.port.CommandResult;
import io.jenkins.plugins.releasepromotion.engine.port.Secrets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The deploy key's passphrase, a canary here, shows nowhere a person or a record could see it. */
class SshMaskingTest extends SshDeployContract {

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void thePassphraseNeverShowsInLogsResultsMessagesOrNames(TestSshServer server) throws Exception {
        Files.writeString(checkout.directory().resolve("leak.txt"), "token " + CANARY + "\n", StandardCharsets.UTF_8);
        List<String> seen = new ArrayList<>();
        try (SshDeployMethod method = method(config(server, TEMPLATE))) {
            CommandResult printed = method.runner().run(script("cat leak.txt; cat leak.txt >&2; exit 4"), log);
            CommandResult timedOut =
                    method.runner().run(script("echo " + CANARY + "; exec sleep 600", Duration.ofSeconds(5)), log);
            seen.addAll(List.of(printed.toString(), timedOut.toString(), method.toString()));
            seen.add(method.runner().toString());

            assertThat(printed.output()).containsExactly("token ****", "token ****");
            assertThat(timedOut.output()).containsExactly("****");
        }
        seen.add(refusal(server).getMessage());
        seen.addAll(log.lines());

        assertThat(log.lines()).anyMatch(line -> line.contains("ran past its timeout"));
        assertThat(String.join("\n", seen)).doesNotContain(CANARY).contains(Secrets.MASK);
    }

    /** A failure after login: a pinned key that does not match. */
    private CommandException refusal(TestSshServer server) throws Exception {
        SshKeygen.Key other = SshKeygen.generate(work.resolve("keys"), "other", "ed25519");
        try (SshDeployMethod method =
                method(config(server, "echo " + CANARY, other.knownHostsLine(HOST, server.port()), null))) {
            return (CommandException) catchThrowable(
                    () -> method.runner().run(method.deployCommand(target("v1.0.0", checkout.v100())), log));
        }
    }
}
