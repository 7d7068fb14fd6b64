package io.jenkins.plugins.releasepromotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.releasepromotion.engine.ledger.ChainReport;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.ledger.Phase;
import io.jenkins.plugins.releasepromotion.engine.ledger.postgres.PostgresCluster;
import io.jenkins.plugins.releasepromotion.engine.ledger.postgres.PostgresLedger;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command in-process on a shared ledger in a real PostgreSQL: chosen by the configuration or --ledger, logged in
 * with the ledger credential, refused with one line when the database cannot be reached or the URL holds a password,
 * and the password never printed.
 */
class SharedLedgerCommandTest {
    private static final String CONFIG =
            """
            environments:
              - name: staging
                kind: staging
                slots: 2
                deploy:
                  script:
                    command: [./deploy.sh, '{slot}', '{tag}']
            """;

    private PostgresCluster.Database db;
    private CliRepo repo;

    @BeforeEach
    void repository(@TempDir Path dir) throws Exception {
        db = PostgresCluster.shared().newDatabase();
        repo = CliRepo.create(dir.resolve("repo")).deployScript();
        repo.environment(Map.of("RELEASE_PROMOTION_LEDGER_PASSWORD", db.password()));
    }

    @Test
    void promotesIntoTheSharedLedgerTheConfigurationNames() throws Exception {
        repo.config(CONFIG + "ledger:\n  url: " + db.target() + "\n");

        int code = repo.run("promote", "v1.0.0", "--env", "staging", "--slot", "1", "--no-verify");

        assertThat(code).as(repo.err()).isZero();
        try (PostgresLedger ledger = db.open()) {
            assertThat(ledger.history("staging"))
                    .extracting(LedgerRecord::phase, LedgerRecord::outcome)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(Phase.STARTED, null),
                            org.assertj.core.groups.Tuple.tuple(Phase.FINISHED, Outcome.SUCCEEDED));
        }
        assertThat(Files.exists(repo.dir.resolve(".release-promotion/ledger/staging.jsonl")))
                .as("nothing in the local folder")
                .isFalse();
        assertThat(repo.run("history", "--env", "staging")).isZero();
        assertThat(repo.out()).contains("v1.0.0").contains("SUCCEEDED");
        assertThat(repo.out() + repo.err()).doesNotContain(db.password());
    }

    @Test
    void anUnreachableLedgerIsRefusedWithOneLineBeforeAnythingIsDeployed() throws Exception {
        repo.config(CONFIG);
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        int code = repo.run(
                "promote",
                "v1.0.0",
                "--env",
                "staging",
                "--slot",
                "1",
                "--no-verify",
                "--ledger",
                "postgresql://" + db.user() + "@127.0.0.1:" + closed + "/" + db.name());

        assertThat(code).isEqualTo(ExitCode.USAGE_OR_CONFIGURATION);
        assertThat(repo.err().lines()).singleElement().asString().contains("127.0.0.1:" + closed, "refused");
        assertThat(repo.out()).doesNotContain("deploying");
        assertThat(repo.err()).doesNotContain("deploying").doesNotContain(db.password());
    }

    @Test
    void aPasswordInTheUrlIsRefusedWithOneLineThatNeverRepeatsIt() throws Exception {
        repo.config(CONFIG);

        int code = repo.run(
                "history",
                "--env",
                "staging",
                "--ledger",
                "postgresql://" + db.user() + ":" + db.password() + "@127.0.0.1:"
                        + db.cluster().port() + "/" + db.name());

        assertThat(code).isEqualTo(ExitCode.USAGE_OR_CONFIGURATION);
        assertThat(repo.err().lines()).singleElement().asString().contains("password", "credential");
        assertThat(repo.out() + repo.err()).doesNotContain(db.password());
    }

    @Test
    void aPasswordInTheConfigurationsUrlIsAProblemOfTheFileThatNeverRepeatsIt() throws Exception {
        repo.config(CONFIG + "ledger:\n  url: postgresql://" + db.user() + ":" + db.password() + "@127.0.0.1/"
                + db.name() + "\n");

        assertThat(repo.run("config", "validate")).isEqualTo(ExitCode.USAGE_OR_CONFIGURATION);
        assertThat(repo.err()).contains("ledger.url: The ledger URL holds a password");
        assertThat(repo.out() + repo.err()).doesNotContain(db.password());
    }

    @Test
    void aWrongPasswordIsOneLineThatNeverShowsTheOneGiven() throws Exception {
        repo.config(CONFIG + "ledger:\n  url: " + db.target() + "\n  credentialsId: release-ledger\n");
        Path file = repo.dir.resolveSibling("ledger-password");
        Files.writeString(file, "not-" + db.password() + "\n");
        repo.environment(Map.of("RELEASE_PROMOTION_RELEASE_LEDGER_PASSWORD_FILE", file.toString()));

        int code = repo.run("promote", "v1.0.0", "--env", "staging", "--slot", "1", "--no-verify");

        assertThat(code).isEqualTo(ExitCode.USAGE_OR_CONFIGURATION);
        assertThat(repo.err().lines()).singleElement().asString().contains(db.user(), "password");
        assertThat(repo.out() + repo.err()).doesNotContain(db.password()).doesNotContain("deploying");
    }

    @Test
    void importWritesEachRecordOnceHoweverOftenItRuns() throws Exception {
        repo.config(CONFIG);
        assertThat(repo.run("promote", "v1.0.0", "--env", "staging", "--slot", "1", "--no-verify"))
                .isZero();
        assertThat(repo.run("promote", "v1.0.0", "--env", "staging", "--slot", "2", "--no-verify"))
                .isZero();
        Path folder = repo.dir.resolve(".release-promotion/ledger");

        assertThat(repo.bare(
                        "ledger",
                        "import",
                        "--from",
                        folder.toString(),
                        "--to",
                        db.target().toString()))
                .as(repo.err())
                .isZero();
        assertThat(repo.out()).contains("staging: 4 records, 4 written, 0 already there");
        List<String> rows = rows();
        assertThat(repo.bare(
                        "ledger",
                        "import",
                        "--from",
                        folder.toString(),
                        "--to",
                        db.target().toString()))
                .isZero();
        assertThat(repo.out()).contains("staging: 4 records, 0 written, 4 already there");

        assertThat(rows()).isEqualTo(rows).hasSize(4);
        try (PostgresLedger shared = db.open()) {
            assertThat(shared.history("staging"))
                    .containsExactlyElementsOf(
                            new io.jenkins.plugins.releasepromotion.engine.ledger.JsonLinesLedger(folder)
                                    .history("staging"));
            // The chain comes over as it was: each row is the folder's line, byte for byte, and its links hold.
            assertThat(shared.verify("staging")).isEqualTo(new ChainReport("staging", 4, 0, null));
        }
        assertThat(rows.stream().map(row -> row.substring(row.indexOf('{'))).toList())
                .containsExactlyElementsOf(Files.readAllLines(folder.resolve("staging.jsonl")));
        assertThat(repo.bare("ledger", "verify", "--ledger", db.target().toString()))
                .as(repo.err())
                .isZero();
        assertThat(repo.out()).startsWith("INTACT " + db.target()).contains("4 records in 1 environment checked");
        assertThat(repo.out() + repo.err()).doesNotContain(db.password());
    }

    private List<String> rows() throws Exception {
        try (var c = db.connect();
                var s = c.createStatement();
                var r = s.executeQuery("SELECT seq, id, phase, record FROM ledger_record ORDER BY seq")) {
            List<String> rows = new java.util.ArrayList<>();
            while (r.next()) {
                rows.add(r.getLong(1) + " " + r.getString(2) + " " + r.getString(3) + " " + r.getString(4));
            }
            return rows;
        }
    }
}
