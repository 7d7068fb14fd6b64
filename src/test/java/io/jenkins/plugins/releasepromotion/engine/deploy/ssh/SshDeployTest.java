package io.jenkins.plugins.releasepromotion.engine.deploy.ssh;

import static io.jenkins.plugins.releasepromotion.engine.deploy.ssh.TestSshServer.HOST;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.releasepromotion.engine.port.Command;
import io.jenkins.plugins.releasepromotion.engine.port.CommandResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A deploy over SSH against each server: the tag lands in the checkout, output streams, the session is reused. */
class SshDeployTest extends SshDeployContract {

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void deploysEachTagIntoTheCheckoutOverOneLogin(TestSshServer server) throws Exception {
        int before = server.logins();
        try (SshDeployMethod method = method(config(server, TEMPLATE))) {
            succeeded(method.runner().run(method.deployCommand(target("v1.0.0", checkout.v100())), log));
            assertThat(checkout.head()).isEqualTo(checkout.v100());
            assertThat(Files.readString(checkout.directory().resolve(".deployed"), StandardCharsets.UTF_8))
                    .isEqualTo(checkout.v100() + "\n");

            succeeded(method.runner().run(method.deployCommand(target("v1.1.0", checkout.v110())), log));
            assertThat(checkout.head()).isEqualTo(checkout.v110());
        }
        assertThat(server.logins() - before).isEqualTo(1);
        assertThat(log.lines().get(0))
                .startsWith("Logged in to " + TestSshServer.user() + "@" + HOST + ":" + server.port()
                        + " with the key of credential 'deploy-key'; its host key SHA256:")
                .endsWith(" is the pinned one.");
        assertThat(log.lines()).contains("deployed v1.0.0 to staging", "deployed v1.1.0 to staging");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void manyCommandsShareOneSession(TestSshServer server) throws Exception {
        int before = server.logins();
        try (SshDeployMethod method = method(config(server, TEMPLATE))) {
            for (int i = 0; i < 25; i++) {
                CommandResult result = succeeded(method.runner().run(script("echo command " + i), log));
                assertThat(result.output()).containsExactly("command " + i);
            }
        }
        assertThat(server.logins() - before).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aFailingCommandReportsItsExitStatusAndOutput(TestSshServer server) throws Exception {
        try (SshDeployMethod method = method(config(server, TEMPLATE))) {
            CommandResult result = method.runner().run(script("echo out; echo err >&2; exit 3"), log);

            assertThat(result.exitCode()).isEqualTo(3);
            assertThat(result.timedOut()).isFalse();
            assertThat(result.succeeded()).isFalse();
            assertThat(result.output()).containsExactlyInAnyOrder("out", "err");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void stdoutAndStderrReachTheLogLineByLineWhileTheCommandRuns(TestSshServer server) throws Exception {
        String script = "for i in 1 2 3; do echo out$i; echo err$i >&2; done; echo waiting;"
                + " while [ ! -e go ]; do sleep 0.05; done; printf 'last line without newline'";
        try (SshDeployMethod method = method(config(server, TEMPLATE))) {
            Background run = new Background(method.runner(), script(script), log);
            // The command only goes on once the test has seen its output: the lines came while it ran.
            log.await("waiting", WAIT);
            Files.createFile(checkout.directory().resolve("go"));
            assertThat(run.await()).isInstanceOf(CommandResult.class);
        }
        List<String> lines = log.lines().subList(1, log.lines().size());
        assertThat(lines)
                .containsSubsequence("out1", "out2", "out3", "waiting", "last line without newline")
                .containsSubsequence("err1", "err2", "err3")
                .hasSize(8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void configuredCommandsRunInTheDirectoryWithPlaceholdersAndReleaseVariables(TestSshServer server) throws Exception {
        List<String> argv = List.of(
                "sh",
                "-c",
                "printf '%s|' \"$PWD\" \"$RELEASE_TAG\" \"$RELEASE_ENVIRONMENT\" \"$RELEASE_SLOT\""
                        + " \"$RELEASE_COMMIT\" \"$RELEASE_DIRECTORY\" \"$0\"",
                "--tag={tag}@{environment}/{slot}");
        try (SshDeployMethod method = method(config(server, TEMPLATE))) {
            Command command = method.command(argv, target("v1.0.0", checkout.v100()));
            CommandResult result = succeeded(method.runner().run(command, log));

            String directory = checkout.directory().toString();
            assertThat(result.output())
                    .containsExactly(String.join(
                            "|",
                            directory,
                            "v1.0.0",
                            "staging",
                            "1",
                            checkout.v100(),
                            directory,
                            "--tag=v1.0.0@staging/1|"));
        }
    }
}
