package io.jenkins.plugins.releasepromotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code config validate} warns about a configured pattern that repeats a group which itself repeats, and a tag made
 * to make such a pattern backtrack is refused with one line instead of holding the command.
 */
class NestedQuantifierWarningTest {
    private static final String SEMVER = "^v(?<major>0|[1-9]\\d*)\\.(?<minor>0|[1-9]\\d*)\\.(?<patch>0|[1-9]\\d*)"
            + "(?:-(?<pre>([0-9A-Za-z]+)*))?$";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void validateWarnsAboutNestedQuantifiersAndACraftedTagIsRefused(@TempDir Path dir) throws Exception {
        ScriptRepo repo = ScriptRepo.create(dir);
        Path deploy = repo.script("deploy.sh", "#!/bin/sh\nexit 0\n");
        repo.configure(
                """
                tagPattern: '%s'
                environments:
                  - name: qa
                    kind: staging
                    deploy:
                      script:
                        command: ['%s', '{tag}']
                    checks:
                      - {type: logs, command: [echo], failurePatterns: ['(ERROR|FATAL)+']}
                """
                        .formatted(SEMVER, deploy));

        int code = run(repo, "config", "validate", "--config", repo.config().toString());

        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(err.toString().lines())
                .containsExactly(
                        "release-promotion: warning: tagPattern: '" + DisplayText.of(SEMVER)
                                + "' repeats a group that holds a"
                                + " repetition or an alternation (([0-9A-Za-z]+)*), which can take exponential time on"
                                + " a crafted text; a match gives up past a bound and is refused, so simplify it, e.g."
                                + " (\\d+)* to \\d*",
                        "release-promotion: warning: environments[0].checks[0].failurePatterns[0]: '(ERROR|FATAL)+'"
                                + " repeats a group that holds a repetition or an alternation ((ERROR|FATAL)+), which"
                                + " can take exponential time on a crafted text; a match gives up past a bound and is"
                                + " refused, so simplify it, e.g. (\\d+)* to \\d*");

        String crafted = "v1.2.3-" + "a".repeat(40) + "@";
        int refused = run(repo, "check", crafted, "--env", "qa");

        assertThat(refused).isEqualTo(ExitCode.USAGE_OR_CONFIGURATION);
        assertThat(err.toString()).contains("took too long on the tag '" + crafted + "'");
    }

    private int run(ScriptRepo repo, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine line = ReleasePromotionCommand.commandLine(Terminal.none(), Map.of());
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        List<String> all = new java.util.ArrayList<>(List.of(args));
        if (!args[0].equals("config")) {
            all.addAll(repo.options());
        }
        return line.execute(all.toArray(String[]::new));
    }
}
