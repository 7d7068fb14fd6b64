package io.jenkins.plugins.releasepromotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A staging promotion by a command whose process environment also holds the production SSH key and its passphrase:
 * every command the promotion starts (maintenance on, deploy, logs check, maintenance off) dumps its environment, and
 * none holds a credential variable or its value; each holds the usual variables, the release's and those the
 * configuration passes. The command runs as its own process, so that the variables are really in its environment.
 */
class ChildEnvironmentCommandTest {
    private static final String KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\nprod-key-canary-9921\n";
    private static final String PASSPHRASE = "prod-passphrase-canary-4410";
    private static final String FILE_PASSPHRASE = "prod-file-passphrase-canary-7303";

    private ScriptRepo repo;
    private Path dumps;
    private Path keyFile;
    private Path passphraseFile;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void repository(@TempDir Path dir) throws Exception {
        repo = ScriptRepo.create(dir);
        dumps = Files.createDirectory(dir.resolve("dumps"));
        keyFile = dir.resolve("production-key");
        Files.writeString(keyFile, KEY);
        passphraseFile = dir.resolve("production-passphrase");
        Files.writeString(passphraseFile, FILE_PASSPHRASE + "\n");
        Path dump = repo.script("dump.sh", "#!/bin/sh\nenv > '" + dumps + "'/\"$1\".env\n");
        repo.configure(
                """
                environments:
                  - name: staging
                    kind: staging
                    deploy:
                      script:
                        command: ['%1$s', deploy]
                        passEnvironment: [DOCKER_HOST]
                    maintenance:
                      enable: ['%1$s', maintenance-on]
                      disable: ['%1$s', maintenance-off]
                    checks:
                      - {type: logs, command: ['%1$s', logs], failurePatterns: ['FATAL']}
                  - name: production
                    kind: production
                    deploy:
                      ssh:
                        host: production-server
                        user: deploy
                        credentialsId: production-deploy-key
                        hostKey: SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU
                        directory: /srv/app
                    gates:
                      promotesFrom: staging
                """
                        .formatted(dump));
    }

    @Test
    void noCommandAPromotionStartsReceivesTheCommandsCredentials() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", "/home/release-manager");
        env.put("LC_ALL", "C.UTF-8");
        env.put("DOCKER_HOST", "unix:///run/docker.sock");
        env.put("UNRELATED_TOKEN", "unrelated-canary-5580");
        env.put("RELEASE_PROMOTION_PRODUCTION_DEPLOY_KEY_KEY", KEY);
        env.put("RELEASE_PROMOTION_PRODUCTION_DEPLOY_KEY_PASSPHRASE", PASSPHRASE);
        env.put("RELEASE_PROMOTION_PRODUCTION_DEPLOY_KEY_KEY_FILE", keyFile.toString());
        env.put("RELEASE_PROMOTION_PRODUCTION_DEPLOY_KEY_PASSPHRASE_FILE", passphraseFile.toString());
        env.put("RELEASE_PROMOTION_PRODUCTION_DEPLOY_KEY_USERNAME", "deploy");

        int code = runProcess(env, "promote", "v0.2.0", "--env", "staging");

        assertThat(code).as(out.toString()).isZero();
        List<String> commands = List.of("maintenance-on", "deploy", "logs", "maintenance-off");
        for (String command : commands) {
            String dump = Files.readString(dumps.resolve(command + ".env"));
            assertThat(dump)
                    .as(command)
                    .doesNotContain("RELEASE_PROMOTION_")
                    .doesNotContain("prod-key-canary-9921")
                    .doesNotContain(PASSPHRASE)
                    .doesNotContain(FILE_PASSPHRASE)
                    .doesNotContain(keyFile.toString())
                    .doesNotContain(passphraseFile.toString())
                    .doesNotContain("UNRELATED_TOKEN");
            assertThat(dump.lines())
                    .as(command)
                    .contains(
                            "PATH=" + env.get("PATH"),
                            "HOME=/home/release-manager",
                            "LC_ALL=C.UTF-8",
                            "DOCKER_HOST=unix:///run/docker.sock");
        }
        assertThat(Files.readString(dumps.resolve("deploy.env")).lines())
                .contains("RELEASE_TAG=v0.2.0", "RELEASE_ENVIRONMENT=staging", "RELEASE_SLOT=");
    }

    @Test
    void aConfigurationCannotPassACredentialVariable() throws Exception {
        String yaml = Files.readString(repo.config())
                .replace(
                        "passEnvironment: [DOCKER_HOST]",
                        "passEnvironment: [RELEASE_PROMOTION_PRODUCTION_DEPLOY_KEY_KEY]");
        repo.configure(yaml);

        int code = run(Map.of(), "config", "validate", "--config", repo.config().toString());

        assertThat(code).isEqualTo(ExitCode.USAGE_OR_CONFIGURATION);
        assertThat(out.toString() + err)
                .contains(
                        "environments[0].deploy.script.passEnvironment[0]: RELEASE_PROMOTION_PRODUCTION_DEPLOY_KEY_KEY"
                                + " is a credential variable of the command and never reaches a command");
    }

    /** The command as a process of its own, with exactly {@code env} as its environment. */
    private int runProcess(Map<String, String> env, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                ReleasePromotionCommand.class.getName()));
        argv.addAll(List.of(args));
        argv.addAll(repo.options());
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        out.write(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        return process.waitFor();
    }

    private int run(Map<String, String> env, String... args) {
        CommandLine line = ReleasePromotionCommand.commandLine(Terminal.none(), env);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of(args));
        if (!args[0].equals("config")) {
            all.addAll(repo.options());
        }
        return line.execute(all.toArray(String[]::new));
    }
}
