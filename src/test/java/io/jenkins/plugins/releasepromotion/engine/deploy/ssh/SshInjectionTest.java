package io.jenkins.plugins.releasepromotion.engine.deploy.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.releasepromotion.engine.deploy.DeployTarget;
import io.jenkins.plugins.releasepromotion.engine.port.CommandResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile tag, environment and commit values, against each server: whatever they hold, they arrive as data and no
 * command in them runs.
 */
class SshInjectionTest extends SshDeployContract {
    /** Each {@code SENTINEL} becomes the path of a file that must never be created. */
    private static final List<String> HOSTILE = List.of(
            "v1.0.0;touch SENTINEL",
            "$(touch SENTINEL)",
            "`touch SENTINEL`",
            "'; touch SENTINEL; '",
            "\"; touch SENTINEL; \"",
            "v1.0.0\ntouch SENTINEL",
            "v1.0.0 && touch SENTINEL || touch SENTINEL",
            "|touch SENTINEL",
            "{tag}$'\\x27'; touch SENTINEL #");

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void placeholderValuesNeverRunAsCommands(TestSshServer server) throws Exception {
        Path sentinel = work.resolve("SENTINEL");
        String template = "printf '%s\\n' {tag} {environment} {commit} {slot} > values.txt";
        try (SshDeployMethod method = method(config(server, template))) {
            for (String pattern : HOSTILE) {
                String value = pattern.replace("SENTINEL", sentinel.toString());
                DeployTarget target = new DeployTarget(Environments.named(value), 1, value, value);
                succeeded(method.runner().run(method.deployCommand(target), log));
                CommandResult argv = succeeded(method.runner()
                        .run(method.command(List.of("printf", "%s\\n", "{tag}", "env={environment}"), target), log));

                assertThat(Files.readString(checkout.directory().resolve("values.txt"), StandardCharsets.UTF_8))
                        .as(value)
                        .isEqualTo(value + "\n" + value + "\n" + value + "\n1\n");
                assertThat(String.join("\n", argv.output())).as(value).isEqualTo(value + "\nenv=" + value);
                assertThat(sentinel).as(value).doesNotExist();
            }
        }
    }
}
