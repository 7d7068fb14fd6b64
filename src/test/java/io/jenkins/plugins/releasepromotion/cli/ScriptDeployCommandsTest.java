package io.jenkins.plugins.releasepromotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.releasepromotion.engine.ledger.DeploymentLock;
import io.jenkins.plugins.releasepromotion.engine.ledger.JsonLinesLedger;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerLockedException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The commands in-process over a repository deployed by a local script, with staging served by a loopback HTTP server:
 * the lock a refused promotion never takes, where a rollback goes, placeholder typos, the rollback plan and checklist
 * an approver sees, and secret files written with a trailing newline.
 */
class ScriptDeployCommandsTest {
    private static final String PASSWORD = "pw-in-a-file-42";

    private ScriptRepo repo;
    private HttpServer staging;
    private Map<String, String> env;
    private final AtomicReference<String> liveVersion = new AtomicReference<>("{}");
    private final List<String> productionLockSeen = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void repository(@TempDir Path dir) throws Exception {
        repo = ScriptRepo.create(dir);
        Path passwordFile = dir.resolve("password");
        Files.writeString(passwordFile, PASSWORD + "\r\n");
        env = Map.of(
                "RELEASE_PROMOTION_APP_USER_USERNAME",
                "demo",
                "RELEASE_PROMOTION_APP_USER_PASSWORD_FILE",
                passwordFile.toString());
        staging = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        staging.createContext("/api/health", exchange -> answer(exchange, "{\"status\":\"ok\"}"));
        staging.createContext("/api/login", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            answer(exchange, "{}");
        });
        staging.createContext("/api/version", exchange -> {
            productionLockSeen.add(productionLock());
            answer(exchange, liveVersion.get());
        });
        staging.start();
        Path deploy = repo.script("deploy.sh", "#!/bin/sh\necho \"deploying $1 to $2\"\n");
        repo.configure(
                """
                environments:
                  - name: staging
                    kind: staging
                    url: http://127.0.0.1:%d
                    deploy:
                      script:
                        command: ['%s', '{tag}', '{environment}']
                    checks:
                      - {type: health, consecutive: 1, retries: 2}
                      - type: flows
                        requests:
                          - {name: login, path: /api/login, credentialsId: app-user, expectStatus: 200}
                  - name: production
                    kind: production
                    deploy:
                      script:
                        command: ['%s', '{tag}', '{environment}']
                    gates:
                      promotesFrom: staging
                      liveVersion: require
                      approvers: [alice]
                  - name: qa
                    kind: staging
                    slots: 1
                    deploy:
                      script:
                        command: ['%s', '{tag}', '{environment}']
                """
                        .formatted(staging.getAddress().getPort(), deploy, deploy, deploy));
    }

    @AfterEach
    void stop() {
        staging.stop(0);
    }

    @Test
    void aRefusedPromotionNeverHoldsTheSlotsLock() {
        assertThat(run("promote", "v0.1.0", "--env", "staging"))
                .as(err.toString())
                .isZero();
        liveVersion.set("{\"environment\":\"staging\",\"branch\":\"v0.0.9\",\"commit_sha\":\"0000000\"}");

        int code = run("promote", "v0.1.0", "--env", "production", "--approved-by", "alice", "--actor", "ci");

        assertThat(code).as(out.toString() + err).isEqualTo(ExitCode.GATE_REFUSED);
        assertThat(productionLockSeen)
                .as("the gates read staging's live version")
                .isNotEmpty();
        assertThat(productionLockSeen).containsOnly("free");
    }

    @Test
    void aSecondRollbackNeverGoesForwardAgain() {
        assertThat(run("promote", "v0.1.0", "--env", "qa", "--slot", "1")).isZero();
        assertThat(run("promote", "v0.2.0", "--env", "qa", "--slot", "1")).isZero();
        JsonNode first = Schemas.matches("rollback", out(run("rollback", "--env", "qa", "--slot", "1", "--json")));
        assertThat(first.get("tag").asText()).isEqualTo("v0.1.0");

        int code = run("rollback", "--env", "qa", "--slot", "1");

        assertThat(code).isEqualTo(ExitCode.GATE_REFUSED);
        assertThat(out.toString()).contains("No good tag older than v0.1.0 is recorded on qa slot 1");
        assertThat(run("rollback", "--env", "qa", "--slot", "1", "--to", "v0.2.0"))
                .isZero();
        assertThat(err.toString()).contains("WARNING v0.2.0 is newer than v0.1.0, which runs on qa slot 1");
    }

    @Test
    void aPlaceholderTypoIsAConfigurationErrorThatRecordsNothing() throws Exception {
        Files.writeString(
                repo.config(), Files.readString(repo.config()).replace("'{environment}']", "'{enviroment}']"));

        assertThat(run("config", "validate", "--config", repo.config().toString()))
                .isEqualTo(ExitCode.USAGE_OR_CONFIGURATION);
        assertThat(err.toString()).contains("environments[0].deploy.script.command: unknown placeholder {enviroment}");
        assertThat(run("check", "v0.1.0", "--env", "qa", "--slot", "1")).isEqualTo(ExitCode.USAGE_OR_CONFIGURATION);
        int code = run("promote", "v0.1.0", "--env", "qa", "--slot", "1");

        assertThat(code).isEqualTo(ExitCode.USAGE_OR_CONFIGURATION);
        assertThat(err.toString()).contains("unknown placeholder {enviroment}").doesNotContain("\tat ");
        assertThat(repo.ledgerText()).isEmpty();
    }

    @Test
    void theRollbackPlanOfARefusedTagNamesWhatRuns() {
        assertThat(run("promote", "v0.1.0", "--env", "qa", "--slot", "1")).isZero();

        int code = run("check", "v0.3.0", "--env", "qa", "--slot", "1");

        assertThat(code).isEqualTo(ExitCode.GATE_REFUSED);
        assertThat(out.toString())
                .contains("LIGHTWEIGHT_TAG")
                .contains("Rollback plan for qa slot 1: v0.1.0 (")
                .doesNotContain("first deployment")
                .doesNotContain("NO_ROLLBACK_TARGET");
    }

    @Test
    void theChecklistSaysNoBackupIsConfiguredWithoutTickingIt() {
        assertThat(run("promote", "v0.1.0", "--env", "staging"))
                .as(err.toString())
                .isZero();
        String commit = Schemas.matches("history", out(run("history", "--env", "staging", "--json")))
                .get(0)
                .get("commit")
                .asText();
        liveVersion.set("{\"environment\":\"staging\",\"branch\":\"v0.1.0\",\"commit_sha\":\"" + commit + "\"}");
        StringWriter screen = new StringWriter();

        int code =
                run(Terminal.of(new StringReader("alice\nyes\n"), screen), "promote", "v0.1.0", "--env", "production");

        assertThat(code).as(screen.toString() + err).isZero();
        assertThat(screen.toString())
                .contains("    [-] Database backup created (if needed)\n        no backup configured for production")
                .doesNotContain("not needed")
                .contains("    [x] Staging verification complete");
    }

    @Test
    void aSecretFileLosesOneTrailingNewline() {
        assertThat(run("promote", "v0.1.0", "--env", "staging"))
                .as(err.toString())
                .isZero();

        String basic = Base64.getEncoder().encodeToString(("demo:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertThat(authorizations).isNotEmpty().containsOnly("Basic " + basic);
    }

    /** Whether the production lock is held right now, as another process would find it. */
    private String productionLock() {
        try (DeploymentLock ignored = new JsonLinesLedger(repo.ledger()).lock("production", null, "an onlooker")) {
            return "free";
        } catch (LedgerLockedException e) {
            return "held by " + e.holder();
        }
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, String body) throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (var stream = exchange.getResponseBody()) {
            stream.write(bytes);
        }
    }

    private String out(int code) {
        return out.toString();
    }

    private int run(String... args) {
        return run(Terminal.none(), args);
    }

    private int run(Terminal terminal, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine line = ReleasePromotionCommand.commandLine(terminal, env);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of(args));
        if (!args[0].equals("config")) {
            all.addAll(repo.options());
        }
        return line.execute(all.toArray(String[]::new));
    }
}
