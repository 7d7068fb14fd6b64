package io.jenkins.plugins.releasepromotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.releasepromotion.engine.ledger.JsonLinesLedger;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.ledger.RecordKind;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code status} against real applications on loopback: one that agrees, one that reports another version, one that
 * is down (nothing listens), one that never answers, and a slot with nothing recorded that must not be asked.
 */
class StatusCommandTest {
    @TempDir
    Path dir;

    private CliRepo repo;
    private HttpServer apps;
    private ServerSocket silent;
    private int downPort;
    private final AtomicInteger askedEmptySlot = new AtomicInteger();

    @BeforeEach
    void setUp() throws Exception {
        repo = CliRepo.create(dir.resolve("repo"));
        apps = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        app("/slot1", "v1.0.0", repo.commit);
        app("/slot2", "v0.9.0", repo.commit);
        apps.createContext("/slot3", exchange -> {
            askedEmptySlot.incrementAndGet();
            answer(exchange, 200, "{}");
        });
        apps.start();
        // Accepts connections (the kernel does) but never answers them.
        silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            downPort = probe.getLocalPort();
        }
        int port = apps.getAddress().getPort();
        repo.config("environments:\n"
                + "  - {name: staging, kind: staging, slots: 3, url: 'http://127.0.0.1:" + port + "/slot{slot}',"
                + " deploy: {script: {command: [./deploy.sh]}}}\n"
                + "  - {name: production, kind: production, url: 'http://127.0.0.1:" + downPort + "',"
                + " deploy: {script: {command: [./deploy.sh]}}}\n"
                + "  - {name: demo, url: 'http://127.0.0.1:" + silent.getLocalPort() + "',"
                + " deploy: {script: {command: [./deploy.sh]}}}\n");
        JsonLinesLedger ledger = new JsonLinesLedger(repo.dir.resolve(".release-promotion/ledger"));
        Instant t = Instant.parse("2026-11-20T10:00:00Z");
        for (var target : List.of(
                new Object[] {"staging", 1},
                new Object[] {"staging", 2},
                new Object[] {"production", null},
                new Object[] {"demo", null})) {
            ledger.append(LedgerRecord.started(
                            RecordKind.DEPLOYMENT,
                            (String) target[0],
                            (Integer) target[1],
                            "v1.0.0",
                            repo.commit,
                            "ci",
                            t)
                    .finish(Outcome.SUCCEEDED, t.plusSeconds(60)));
        }
    }

    @AfterEach
    void stop() throws IOException {
        apps.stop(0);
        silent.close();
    }

    @Test
    void anApplicationThatIsDownKeepsTheTableAndIsExplainedBelowIt() {
        // Long enough for a first answer on a busy machine; the silent application takes it whole, twice.
        assertThat(repo.run("status", "--timeout", "3s")).as(repo.err()).isZero();
        List<String> lines = repo.out().lines().toList();
        assertThat(lines.get(0)).as(repo.out()).startsWith("ENVIRONMENT  SLOT TAG");
        int healthColumn = lines.get(0).indexOf("HEALTH");
        int agreementColumn = lines.get(0).indexOf("LEDGER AND LIVE");
        assertThat(lines.subList(1, 6))
                .allSatisfy(row -> assertThat(row.charAt(agreementColumn - 1)).isEqualTo(' '));
        assertThat(lines.get(1).substring(healthColumn))
                .as(repo.out())
                .startsWith("ok")
                .endsWith("agree");
        assertThat(lines.get(4)).startsWith("production");
        assertThat(lines.get(4).substring(healthColumn)).startsWith("down ").endsWith("unknown (see below)");
        assertThat(lines.get(5).substring(healthColumn))
                .startsWith("unreachable ")
                .endsWith("unknown (see below)");
        assertThat(lines.get(6)).isEmpty();
        assertThat(lines.get(7))
                .isEqualTo("production: GET http://127.0.0.1:" + downPort + "/api/health: connection to 127.0.0.1:"
                        + downPort + " refused; is the application running?");
        assertThat(lines.get(8))
                .startsWith(
                        "demo: GET http://127.0.0.1:" + silent.getLocalPort() + "/api/health: no" + " answer within");
        assertThat(lines).hasSize(9);
    }

    @Test
    void driftOnlyWhenTheLedgerAndTheLiveVersionDisagree() throws Exception {
        assertThat(repo.run("status", "--env", "staging")).as(repo.err()).isZero();
        List<String> lines = repo.out().lines().toList();
        assertThat(lines.get(2))
                .startsWith("staging      2")
                .endsWith("DRIFT: the ledger says v1.0.0, it reports v0.9.0");
        assertThat(repo.out().lines().filter(l -> l.contains("DRIFT"))).hasSize(1);

        assertThat(repo.run("status", "--json", "--env", "production")).isZero();
        JsonNode rows = Schemas.matches("status", repo.out());
        assertThat(rows.get(0).get("health").asText()).isEqualTo("down");
        assertThat(rows.get(0).get("drift").isNull()).isTrue();
        assertThat(rows.get(0).get("problem").asText()).contains("refused");
    }

    @Test
    void aSlotWithNothingRecordedIsNotAsked() {
        assertThat(repo.run("status", "--env", "staging")).as(repo.err()).isZero();
        assertThat(repo.out().lines().filter(l -> l.startsWith("staging      3")))
                .singleElement()
                .satisfies(row -> assertThat(row).matches("staging +3 +- +- +- +- +nothing deployed"));
        assertThat(askedEmptySlot).hasValue(0);
    }

    private void app(String prefix, String tag, String commit) {
        apps.createContext(
                prefix + "/api/version",
                exchange -> answer(exchange, 200, "{\"branch\": \"" + tag + "\", \"commit_sha\": \"" + commit + "\"}"));
        apps.createContext(prefix + "/api/health", exchange -> answer(exchange, 200, "{\"status\": \"ok\"}"));
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
