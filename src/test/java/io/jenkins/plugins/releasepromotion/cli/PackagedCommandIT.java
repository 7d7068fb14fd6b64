package io.jenkins.plugins.releasepromotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.releasepromotion.cli.demo.DemoSandbox;
import io.jenkins.plugins.releasepromotion.engine.deploy.ssh.ShellQuote;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged command, target/release-promotion-cli.jar, as a process: exit codes, one-line errors, --json against its
 * schema, the approval prompt through a pseudo-terminal, and the demo run to the end or stopped half-way (Ctrl-C or
 * SIGKILL) leaving nothing running.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackagedCommandIT {
    private static final Path JAR =
            Path.of(System.getProperty("release-promotion.jar", "target/release-promotion-cli.jar"));
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    // Printed once the SSH login to the production host succeeded, with its deploy script about to run there.
    private static final String PRODUCTION_DEPLOY_UNDER_WAY = "Logged in to deploy@127.0.0.1";

    private Path dir;
    private DemoSandbox sandbox;

    record Run(int code, String out, String err) {}

    @BeforeAll
    void sandbox(@TempDir Path temporary) throws Exception {
        assertThat(JAR).as("the packaged jar; build it with mvn package").isRegularFile();
        dir = temporary;
        sandbox = DemoSandbox.create(dir.resolve("sandbox"));
    }

    @AfterAll
    void stop() throws Exception {
        sandbox.close();
        assertThat(ProcessChecks.awaitNoneUnder(sandbox.root(), Duration.ofSeconds(10)))
                .isEmpty();
    }

    @Test
    @Order(1)
    void printsItsVersionAndHelpOnEveryCommand() throws Exception {
        Run version = run(List.of("--version"));
        assertThat(version.code()).isZero();
        assertThat(version.out()).matches("release-promotion \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R");
        for (String command : List.of(
                "status",
                "check",
                "promote",
                "verify",
                "rollback",
                "history",
                "report",
                "metrics",
                "config validate",
                "demo")) {
            List<String> args = new ArrayList<>(List.of(command.split(" ")));
            args.add("--help");
            Run help = run(args);
            assertThat(help.code()).as(command).isZero();
            assertThat(help.out()).contains("Usage: release-promotion " + command);
            assertThat(help.err()).isEmpty();
        }
    }

    @Test
    @Order(2)
    void aUsageMistakeIsTwoLinesAndExitCodeTwo() throws Exception {
        Run missing = run(List.of("check", "v1.1.0"));
        assertThat(missing.code()).isEqualTo(ExitCode.USAGE_OR_CONFIGURATION);
        assertThat(missing.err())
                .isEqualTo("release-promotion: Missing required option: '--env=NAME'\n"
                        + "Try 'release-promotion check --help' for the options.\n");
    }

    @Test
    @Order(3)
    void aBrokenConfigurationIsOneLineWithoutAStackTrace() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "environments:\n  - name: staging\n");
        Run run = run(List.of("config", "validate", "--config", bad.toString()));
        assertThat(run.code()).isEqualTo(ExitCode.USAGE_OR_CONFIGURATION);
        assertThat(run.err()).contains("environments[0].deploy: required").doesNotContain("\tat ");
    }

    @Test
    @Order(4)
    void checkAnswersInJsonWithItsExitCode() throws Exception {
        Run allowed = onSandbox("check", "v1.1.0", "--env", "staging", "--slot", "1", "--json");
        assertThat(allowed.code()).isZero();
        assertThat(Schemas.matches("check", allowed.out()).get("allowed").asBoolean())
                .isTrue();
        Run refused = onSandbox("check", "v1.1.0", "--env", "production", "--json");
        assertThat(refused.code()).isEqualTo(ExitCode.GATE_REFUSED);
        assertThat(Schemas.matches("check", refused.out())
                        .at("/violations/0/code")
                        .asText())
                .isEqualTo("NOT_STAGED");
    }

    @Test
    @Order(5)
    void promotesAndVerifiesStagingWithProgressOnStandardError() throws Exception {
        Run promoted = onSandbox("promote", "v1.1.0", "--env", "staging", "--slot", "1", "--json");
        assertThat(promoted.code()).as(promoted.err()).isZero();
        assertThat(Schemas.matches("promote", promoted.out()).get("outcome").asText())
                .isEqualTo("SUCCEEDED");
        assertThat(promoted.err())
                .containsPattern("(?m)^ +\\d+\\.\\ds  \\[verify\\] health attempt 1/\\d+ on staging slot 1")
                .doesNotContain("\r");
        Run verified = onSandbox("verify", "--env", "staging", "--slot", "1", "--json");
        assertThat(verified.code()).isZero();
        Schemas.matches("verify", verified.out());
    }

    @Test
    @Order(6)
    void withoutATerminalAProductionPromotionIsRejected() throws Exception {
        Run run = onSandbox("promote", "v1.1.0", "--env", "production", "--json");
        assertThat(run.code()).isEqualTo(ExitCode.REJECTED);
        assertThat(Schemas.matches("promote", run.out()).get("outcome").asText())
                .isEqualTo("REJECTED");
    }

    @Test
    @Order(7)
    void theApprovalPromptThroughAPseudoTerminal() throws Exception {
        Run rejected = onTerminal("alice\nno\n", "promote", "v1.1.0", "--env", "production", "--actor", "ci");
        assertThat(rejected.code()).as(rejected.out()).isEqualTo(ExitCode.REJECTED);
        assertThat(rejected.out())
                .contains("Approval needed: v1.1.0 to production")
                .contains("REJECTED");
        Run approved = onTerminal("alice\nyes\n", "promote", "v1.1.0", "--env", "production", "--actor", "ci");
        assertThat(approved.code()).as(approved.out()).isZero();
        assertThat(approved.out())
                .contains("[x] Staging verification complete")
                .contains("SUCCEEDED Promoted v1.1.0 to production");
    }

    @Test
    @Order(8)
    void statusHistoryAndARefusedRollbackInJson() throws Exception {
        Run status = onSandbox("status", "--json");
        assertThat(status.code()).isZero();
        JsonNode rows = Schemas.matches("status", status.out());
        assertThat(rows.get(2).get("tag").asText()).isEqualTo("v1.1.0");
        assertThat(rows.get(2).get("inAgreement").asBoolean()).isTrue();
        Run rollback = onSandbox("rollback", "--env", "production", "--json");
        assertThat(rollback.code()).isEqualTo(ExitCode.GATE_REFUSED);
        assertThat(Schemas.matches("rollback", rollback.out()).get("outcome").asText())
                .isEqualTo("GATE_FAILED");
        Run history = onSandbox("history", "--env", "production", "--json");
        assertThat(history.code()).isZero();
        assertThat(Schemas.matches("history", history.out()).get(0).get("kind").asText())
                .isEqualTo("ROLLBACK");
    }

    @Test
    @Order(9)
    void theDemoRunsToTheEndAndLeavesNothingRunning() throws Exception {
        Path demo = dir.resolve("demo-complete");
        Run run = run(List.of("demo", "--yes", "--dir", demo.toString()));
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains("== Summary")
                .doesNotContain("UNEXPECTED")
                .containsPattern("Took \\d+\\.\\d s")
                .contains("Release record: " + demo.resolve("release-record.html") + "  (open it in a browser)");
        assertThat(Files.readString(demo.resolve("release-record.html")))
                .startsWith("<!DOCTYPE html>")
                .contains("id=\"env-production\"", "id=\"figure-leadTime\"");
        assertThat(ProcessChecks.runningUnder(demo)).isEmpty();
    }

    @Test
    @Order(10)
    void theDemoStoppedWithCtrlCHalfWayLeavesNothingRunning() throws Exception {
        Path demo = dir.resolve("demo-interrupted");
        Process process = startDemoAndWaitFor(demo, PRODUCTION_DEPLOY_UNDER_WAY);
        // The shell's own kill, as a terminal's Ctrl-C sends it; no procps needed.
        new ProcessBuilder("sh", "-c", "kill -INT " + process.pid()).start().waitFor();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(ProcessChecks.awaitNoneUnder(demo, Duration.ofSeconds(20))).isEmpty();
    }

    @Test
    @Order(11)
    void theDemoKilledHalfWayLeavesNothingRunning() throws Exception {
        Path demo = dir.resolve("demo-killed");
        Process process = startDemoAndWaitFor(demo, PRODUCTION_DEPLOY_UNDER_WAY);
        process.destroyForcibly();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(ProcessChecks.awaitNoneUnder(demo, Duration.ofSeconds(45))).isEmpty();
    }

    /** Starts the demo and returns as soon as a line of its output holds {@code marker}. */
    private Process startDemoAndWaitFor(Path demo, String marker) throws Exception {
        Process process = new ProcessBuilder(command(List.of("demo", "--yes", "--dir", demo.toString())))
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        CompletableFuture<Boolean> seen = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader reader =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                boolean found = false;
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.contains(marker)) {
                        found = true;
                        break;
                    }
                }
                // Keep draining, so the demo never blocks on a full pipe.
                CompletableFuture.runAsync(() -> drain(reader));
                return found;
            } catch (IOException e) {
                return false;
            }
        });
        assertThat(seen.get(2, TimeUnit.MINUTES))
                .as("the demo reached " + marker)
                .isTrue();
        return process;
    }

    private static void drain(BufferedReader reader) {
        try {
            while (reader.readLine() != null) {
                // discarded
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private Run onSandbox(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(sandbox.options());
        return run(all);
    }

    /** Runs the command under script(1), which gives it a pseudo-terminal and types {@code input} into it. */
    private Run onTerminal(String input, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(sandbox.options());
        String line = command(all).stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
        return exec(List.of("script", "-qec", line, "/dev/null"), input);
    }

    private Run run(List<String> args) throws Exception {
        return exec(command(args), "");
    }

    private static List<String> command(List<String> args) {
        List<String> command = new ArrayList<>(List.of(JAVA.toString(), "-jar", JAR.toString()));
        command.addAll(args);
        return command;
    }

    private Run exec(List<String> command, String input) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.putAll(sandbox.credentialVariables());
        Process process = builder.start();
        CompletableFuture<String> out = read(process.getInputStream());
        CompletableFuture<String> err = read(process.getErrorStream());
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command + "\n" + out.getNow("") + err.getNow(""));
        }
        return new Run(process.exitValue(), out.get(), err.get());
    }

    private static CompletableFuture<String> read(java.io.InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }
}
