package io.jenkins.plugins.releasepromotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged command as a process over a repository deployed by a local script: what a script prints never shows a
 * secret, and a deployment killed half-way stops flagging the slot once a later one succeeds.
 */
class ScriptDeployCommandIT {
    private static final Path JAR =
            Path.of(System.getProperty("release-promotion.jar", "target/release-promotion-cli.jar"));
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final String TOKEN = "tok-canary-5120";
    private static final String FILE_PASSWORD = "pw-canary-7731";

    private ScriptRepo repo;
    private Map<String, String> env;

    record Run(int code, String out, String err) {}

    private Path passwordFile;

    @BeforeEach
    void repository(@TempDir Path dir) throws Exception {
        assertThat(JAR).as("the packaged jar; build it with mvn package").isRegularFile();
        repo = ScriptRepo.create(dir);
        passwordFile = dir.resolve("password");
        Files.writeString(passwordFile, FILE_PASSWORD + "\n");
        env = Map.of(
                "RELEASE_PROMOTION_API_TOKEN_SECRET",
                TOKEN,
                "RELEASE_PROMOTION_APP_USER_USERNAME",
                "demo",
                "RELEASE_PROMOTION_APP_USER_PASSWORD_FILE",
                passwordFile.toString());
    }

    @Test
    void aSecretADeployScriptPrintsNeverLeavesTheCommand() throws Exception {
        // The script gets none of the command's credential variables; one that finds a secret its own way (here the
        // file, and the token written into it) and prints it still has it masked: the command read both at its start.
        Path deploy = repo.script(
                "deploy.sh",
                """
                #!/bin/sh
                echo "deploying $1"
                env
                echo "the token is %s"
                cat '%s'
                """
                        .formatted(TOKEN, passwordFile));
        repo.configure(
                """
                environments:
                  - name: staging
                    kind: staging
                    deploy:
                      script:
                        command: ['%s', '{tag}']
                    checks:
                      - type: logs
                        name: secret-in-the-log
                        command: [sh, -c, 'echo "token %s"; cat "%s"']
                        failurePatterns: ['token']
                        retries: 1
                """
                        .formatted(deploy, TOKEN, passwordFile));
        Path report = repo.root().resolve("report.json");
        Run run = run("promote", "v0.1.0", "--env", "staging", "--json", "--report", report.toString());

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.VERIFICATION_FAILED);
        assertThat(run.err()).contains("the token is ****").contains("RELEASE_TAG=v0.1.0");
        assertThat(run.err()).as("what env printed").doesNotContainPattern("RELEASE_PROMOTION_\\w+=");
        assertThat(Files.readString(report)).contains("token ****");
        for (String secret : List.of(TOKEN, FILE_PASSWORD)) {
            assertThat(run.out()).doesNotContain(secret);
            assertThat(run.err()).doesNotContain(secret);
            assertThat(Files.readString(report)).doesNotContain(secret);
            assertThat(repo.ledgerText()).doesNotContain(secret);
        }
    }

    @Test
    void aLaterSuccessfulDeploymentClearsAKilledOne() throws Exception {
        Path hang = repo.root().resolve("hang");
        Path pidFile = repo.root().resolve("deploy.pid");
        Path deploy = repo.script(
                "deploy.sh",
                """
                #!/bin/sh
                echo "deploying $1"
                if [ -f '%s' ]; then
                  echo $$ > '%s'
                  echo "deploy is hanging"
                  exec sleep 600
                fi
                """
                        .formatted(hang, pidFile));
        repo.configure(
                """
                environments:
                  - name: staging
                    kind: staging
                    slots: 1
                    deploy:
                      script:
                        command: ['%s', '{tag}']
                """
                        .formatted(deploy));
        assertThat(run("promote", "v0.1.0", "--env", "staging", "--slot", "1").code())
                .isZero();

        Files.writeString(hang, "");
        killWhileDeploying(pidFile, "promote", "v0.2.0", "--env", "staging", "--slot", "1");
        Files.delete(hang);
        JsonNode flagged = Schemas.matches("status", run("status", "--json").out());
        assertThat(flagged.get(0).get("uncertain").asBoolean()).isTrue();
        assertThat(warnings(run("check", "v0.2.0", "--env", "staging", "--slot", "1", "--json")))
                .contains("INTERRUPTED_DEPLOYMENT");

        Run again = run("promote", "v0.2.0", "--env", "staging", "--slot", "1");
        assertThat(again.code()).as(again.err()).isZero();
        Run status = run("status");
        assertThat(status.out()).doesNotContain("never finished");
        JsonNode cleared = Schemas.matches("status", run("status", "--json").out());
        assertThat(cleared.get(0).get("tag").asText()).isEqualTo("v0.2.0");
        assertThat(cleared.get(0).get("uncertain").asBoolean()).isFalse();
        assertThat(warnings(run("check", "v0.2.0", "--env", "staging", "--slot", "1", "--json")))
                .doesNotContain("INTERRUPTED_DEPLOYMENT");
    }

    private static List<String> warnings(Run check) {
        List<String> codes = new ArrayList<>();
        Schemas.matches("check", check.out())
                .get("warnings")
                .forEach(w -> codes.add(w.get("code").asText()));
        return codes;
    }

    /** Starts the command, kills it (SIGKILL) once its deploy script hangs, and then the script by its own pid. */
    private void killWhileDeploying(Path pidFile, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command(args)).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            CompletableFuture<Boolean> hanging =
                    CompletableFuture.supplyAsync(() -> waitFor(lines, "deploy is hanging"));
            assertThat(hanging.get(2, TimeUnit.MINUTES))
                    .as("the deploy started")
                    .isTrue();
            process.destroyForcibly();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }

    private static boolean waitFor(BufferedReader lines, String marker) {
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.contains(marker)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private Run run(String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command(args));
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<String> out = read(process.getInputStream());
        CompletableFuture<String> err = read(process.getErrorStream());
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + List.of(args));
        }
        return new Run(process.exitValue(), out.get(), err.get());
    }

    private List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(JAVA.toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        command.addAll(repo.options());
        return command;
    }

    private static CompletableFuture<String> read(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }
}
