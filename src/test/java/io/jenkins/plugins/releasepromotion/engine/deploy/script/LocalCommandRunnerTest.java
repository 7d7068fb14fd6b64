package io.jenkins.plugins.releasepromotion.engine.deploy.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.releasepromotion.engine.port.Command;
import io.jenkins.plugins.releasepromotion.engine.port.CommandException;
import io.jenkins.plugins.releasepromotion.engine.port.CommandResult;
import io.jenkins.plugins.releasepromotion.engine.port.Secrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes: output, exit status, environment, working directory and start failures. */
class LocalCommandRunnerTest {
    private static final String CANARY = "canary-Secr3t-4711";
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @TempDir
    Path workspace;

    private final List<String> lines = Scripts.lines();

    private CommandResult run(Secrets secrets, Command command) {
        return new LocalCommandRunner(workspace, secrets).run(command, lines::add);
    }

    private CommandResult run(String... argv) {
        return run(Secrets.none(), new Command(List.of(argv), null, Map.of(), MINUTE));
    }

    @Test
    void streamsStdoutAndStderrInTheOrderPrintedWithThePartialLastLine() throws Exception {
        Scripts.write(workspace, "talk.sh", "echo one", "echo two >&2", "echo three", "printf 'no newline'");

        CommandResult result = run("./talk.sh");

        assertThat(lines).containsExactly("one", "two", "three", "no newline");
        assertThat(result.output()).containsExactly("one", "two", "three", "no newline");
        assertThat(result.succeeded()).isTrue();
        assertThat(result.timedOut()).isFalse();
    }

    @Test
    void reportsANonZeroExitWithTheLastLines() throws Exception {
        Scripts.write(workspace, "fail.sh", "echo 'deploy failed: disk full' >&2", "exit 3");

        CommandResult result = run("./fail.sh");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.succeeded()).isFalse();
        assertThat(result.output()).containsExactly("deploy failed: disk full");
    }

    @Test
    void aSecretPrintedByTheCommandNeverReachesTheLogOrTheResult() throws Exception {
        Scripts.write(
                workspace,
                "leak.sh",
                "echo \"token=$TOKEN\"",
                "echo \"$TOKEN\" >&2",
                "printf '%s' \"$TOKEN\" | base64",
                "printf 'tail %s' \"$TOKEN\"",
                "exit 1");
        Command command = new Command(List.of("./leak.sh"), null, Map.of("TOKEN", CANARY), MINUTE);

        CommandResult result = run(Secrets.none().with(CANARY), command);

        assertThat(lines).containsExactly("token=****", "****", "****", "tail ****");
        assertThat(result.output()).containsExactlyElementsOf(lines);
        assertThat(String.join("\n", lines)).doesNotContain(CANARY).doesNotContain("Y2FuYXJ5");
    }

    @Test
    void aSecretInTheProgramNameIsMaskedInTheMessage() {
        Command command = new Command(List.of("./deploy-" + CANARY + ".sh"), null, Map.of(), MINUTE);

        assertThatThrownBy(() -> run(Secrets.none().with(CANARY), command))
                .isInstanceOf(CommandException.class)
                .hasMessageNotContaining(CANARY)
                .hasMessageContaining("./deploy-****.sh");
    }

    @Test
    void addsTheCommandsEnvironmentToTheInheritedOne() throws Exception {
        Scripts.write(workspace, "env.sh", "echo \"$RELEASE_TAG|${PATH:+path set}\"");
        Command command = new Command(List.of("./env.sh"), null, Map.of("RELEASE_TAG", "v1.2.3"), MINUTE);

        run(Secrets.none(), command);

        assertThat(lines).containsExactly("v1.2.3|path set");
    }

    @Test
    void resolvesARelativeWorkingDirectoryAgainstTheWorkspace() throws Exception {
        Path scripts = Files.createDirectories(workspace.resolve("scripts"));
        Scripts.write(scripts, "where.sh", "pwd -P");
        Command command = new Command(List.of("./where.sh"), "scripts", Map.of(), MINUTE);

        run(Secrets.none(), command);

        assertThat(lines).containsExactly(scripts.toRealPath().toString());
    }

    @Test
    void aMissingProgramIsOneLineNamingOnlyTheProgram() {
        assertThatThrownBy(() -> run("./scripts/deploy-staging.sh", "1", "v1.2.3"))
                .isInstanceOf(CommandException.class)
                .hasMessageStartingWith("Cannot start ./scripts/deploy-staging.sh in ")
                .hasMessageContaining("no such file; check the command's first argument")
                .hasMessageNotContaining("v1.2.3")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aScriptThatIsNotExecutableSaysToChmodIt() throws Exception {
        Path script = Scripts.write(workspace, "plain.sh", "echo hi");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> run("./plain.sh"))
                .isInstanceOf(CommandException.class)
                .hasMessageContaining("./plain.sh")
                .hasMessageContaining("permission denied; make it executable (chmod +x)");
    }

    @Test
    void aMissingWorkingDirectoryIsNamed() {
        Command command = new Command(List.of("true"), "nowhere", Map.of(), MINUTE);

        assertThatThrownBy(() -> run(Secrets.none(), command))
                .isInstanceOf(CommandException.class)
                .hasMessage("Working directory " + workspace.resolve("nowhere")
                        + " does not exist; create it, or fix the deploy's workingDirectory.");
    }

    @Test
    void aCommandAskingForInputReadsEndOfFile() throws Exception {
        Scripts.write(workspace, "ask.sh", "if read answer; then echo \"got $answer\"; else echo eof; fi");

        CommandResult result = run("./ask.sh");

        assertThat(result.output()).containsExactly("eof");
    }

    @Test
    void hugeOutputIsStreamedWithoutHoldingItAll() throws Exception {
        Scripts.write(workspace, "chatty.sh", "seq 1 200000", "head -c 3000000 /dev/zero | tr '\\000' a");
        int[] count = {0};
        String[] longest = {""};

        CommandResult result = new LocalCommandRunner(workspace, Secrets.none())
                .run(new Command(List.of("./chatty.sh"), null, Map.of(), MINUTE), line -> {
                    count[0]++;
                    longest[0] = line.length() > longest[0].length() ? line : longest[0];
                });

        assertThat(result.succeeded()).isTrue();
        assertThat(count[0]).isEqualTo(200_001);
        assertThat(result.output()).hasSize(OutputPump.TAIL_LINES);
        assertThat(result.output().get(OutputPump.TAIL_LINES - 2)).isEqualTo("200000");
        assertThat(longest[0])
                .startsWith("aaaa")
                .endsWith("a [line cut at 16384 characters]")
                .hasSize(OutputPump.MAX_LINE + " [line cut at 16384 characters]".length());
    }
}
