package io.jenkins.plugins.releasepromotion.engine.deploy.ssh;

import io.jenkins.plugins.releasepromotion.engine.config.SshDeployConfig;
import io.jenkins.plugins.releasepromotion.engine.deploy.DeployTarget;
import io.jenkins.plugins.releasepromotion.engine.port.Command;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The commands of an SSH deploy, built from the configuration alone: no credential is read and nothing connects, so
 * they can be built where the key is not needed and run where it is.
 */
public final class SshCommands {
    private final SshDeployConfig config;
    private final CommandTemplate template;

    /** @throws IllegalArgumentException when the command template puts a placeholder where quoting would not hold */
    public SshCommands(SshDeployConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.template =
                config.command() == null || config.command().isBlank() ? null : CommandTemplate.parse(config.command());
    }

    /** {@code sh -c <script>}: joined for the remote shell, the script stays one argument, as written. */
    public Command deployCommand(DeployTarget target) {
        String script = template == null ? defaultProcedure(target.tag()) : template.render(values(target));
        return new Command(
                List.of("sh", "-c", script), config.directory(), environment(target), config.commandTimeout());
    }

    public Command command(List<String> argv, DeployTarget target) {
        Map<String, String> values = values(target);
        List<String> filled = argv.stream()
                .map(argument -> CommandTemplate.fill(argument, values))
                .toList();
        return new Command(filled, config.directory(), environment(target), config.commandTimeout());
    }

    /** The mission's manual rollback, with the tag and the configured directory and compose files quoted. */
    String defaultProcedure(String tag) {
        StringBuilder compose = new StringBuilder("docker compose");
        config.composeFiles().forEach(file -> compose.append(" -f ").append(ShellQuote.quote(file)));
        return "cd " + ShellQuote.quote(config.directory()) + " && git fetch --tags --force origin"
                + " && git checkout --quiet " + ShellQuote.quote(tag)
                + " && " + compose + " down && " + compose + " up -d";
    }

    private Map<String, String> values(DeployTarget target) {
        Map<String, String> values = new HashMap<>(target.placeholders());
        values.put("directory", config.directory());
        return values;
    }

    private Map<String, String> environment(DeployTarget target) {
        Map<String, String> environment = new HashMap<>(target.environmentVariables());
        environment.put("RELEASE_DIRECTORY", config.directory());
        return environment;
    }
}
