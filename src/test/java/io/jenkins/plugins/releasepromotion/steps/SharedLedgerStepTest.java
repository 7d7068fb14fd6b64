package io.jenkins.plugins.releasepromotion.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.plugins.credentials.CredentialsScope;
import hudson.AbortException;
import io.jenkins.plugins.releasepromotion.config.ConfiguredLedger;
import io.jenkins.plugins.releasepromotion.engine.ledger.JsonLinesLedger;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.ledger.RecordKind;
import io.jenkins.plugins.releasepromotion.engine.ledger.postgres.PostgresCluster;
import io.jenkins.plugins.releasepromotion.engine.ledger.postgres.PostgresLedger;
import io.jenkins.plugins.releasepromotion.engine.ledger.postgres.PostgresTarget;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The steps on the shared ledger the global configuration names, against a real PostgreSQL: the password comes from
 * the credential when the ledger opens and goes to the database only: never to the build log, the JVM's log, an
 * exception, a ledger record or a {@code toString()}.
 */
class SharedLedgerStepTest extends ScenarioTest {
    private static PostgresCluster.Database database;

    private final List<String> jvmLog = new ArrayList<>();
    private final Handler capture = new Handler() {
        private final SimpleFormatter format = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            synchronized (jvmLog) {
                jvmLog.add(format.format(record));
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private Level driverLevel;

    @BeforeAll
    static void startDatabase() {
        database = PostgresCluster.shared().newDatabase();
    }

    /** Everything the driver and Flyway log, at every level, while the test runs. */
    @BeforeEach
    void captureTheJvmLog() {
        Logger driver = Logger.getLogger("org.postgresql");
        driverLevel = driver.getLevel();
        driver.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
        Logger.getLogger("org.postgresql").setLevel(driverLevel);
    }

    private void share(String password, int port) {
        scenario.credentials.usernamePassword("ledger-login", database.user(), password, CredentialsScope.SYSTEM);
        scenario.config.setLedgerUrl("postgresql://127.0.0.1:" + port + "/" + database.name());
        scenario.config.setLedgerCredentialsId("ledger-login");
    }

    @Test
    void aPromotionIsRecordedInTheSharedLedgerAndThePasswordGoesNowhereElse() throws Exception {
        share(database.password(), PostgresCluster.shared().port());

        Scenario.Running running = scenario.start(PromoteTagStepTest.promote("v1.0.0", "staging", 1));
        Map<?, ?> result = (Map<?, ?>) running.await();

        assertThat(result.get("outcome")).isEqualTo("SUCCEEDED");
        try (PostgresLedger shared = database.open()) {
            assertThat(shared.current("staging", 1))
                    .get()
                    .extracting(LedgerRecord::tag)
                    .isEqualTo("v1.0.0");
        }
        assertThat(scenario.ledgerDir).doesNotExist();
        try (ConfiguredLedger opened = ConfiguredLedger.open(scenario.config, null)) {
            assertThat(opened.isShared()).isTrue();
            assertThat(opened.toString()).contains("127.0.0.1").doesNotContain(database.password());
            assertThat(opened.ledger().toString()).doesNotContain(database.password());
        }
        assertThat(storedText()).contains("v1.0.0").doesNotContain(database.password());
        assertThat(running.log()).contains("SUCCEEDED").doesNotContain(database.password());
        assertThat(String.join("\n", jvmLog)).doesNotContain(database.password());
        assertThat(result.toString()).doesNotContain(database.password());
    }

    @Test
    void aRecordKeptInTheSpoolWhileTheDatabaseWasAwayIsWrittenByTheNextStep() throws Exception {
        share(database.password(), PostgresCluster.shared().port());
        LedgerRecord kept = LedgerRecord.started(
                        RecordKind.VERIFICATION, "staging", 2, "v0.9.0", "0a1b2c3", "ci", Instant.now())
                .finish(Outcome.SUCCEEDED, Instant.now());
        // What an earlier step kept when the database went away after its deploy had started.
        Path spool = PostgresTarget.parse(scenario.config.getLedgerUrl()).spoolIn(scenario.ledgerDir);
        new JsonLinesLedger(scenario.ledgerDir.resolve("scratch")).append(kept);
        Files.createDirectories(spool.getParent());
        Files.copy(scenario.ledgerDir.resolve("scratch/staging.jsonl"), spool);

        Scenario.Running running = scenario.start(PromoteTagStepTest.promote("v1.0.0", "staging", 1));
        Map<?, ?> result = (Map<?, ?>) running.await();

        assertThat(result.get("outcome")).isEqualTo("SUCCEEDED");
        assertThat(running.log()).contains("wrote the 1 record kept in " + spool);
        assertThat(Files.size(spool)).isZero();
        try (PostgresLedger shared = database.open()) {
            assertThat(shared.history("staging")).extracting(LedgerRecord::id).contains(kept.id());
        }
    }

    @Test
    void aRefusedPasswordStopsThePromotionWithOneLineThatNeverShowsIt() throws Exception {
        String wrong = "wrong-" + database.password();
        share(wrong, PostgresCluster.shared().port());

        Scenario.Running running = scenario.start(PromoteTagStepTest.promote("v1.0.0", "staging", 1));

        Throwable thrown = catchAbort(running);
        assertThat(thrown.getMessage())
                .startsWith("[release-promotion] The ledger database postgresql://127.0.0.1:")
                .contains("refused")
                .contains("check the user and the password of the ledger's credential")
                .doesNotContain("\n");
        assertThat(stackTrace(thrown)).doesNotContain(wrong);
        assertThat(running.log()).doesNotContain(wrong);
        assertThat(String.join("\n", jvmLog)).doesNotContain(wrong);
        assertThat(scenario.workspace.resolve("deployed-staging.txt")).doesNotExist();
    }

    @Test
    void anUnreachableDatabaseRefusesThePromotionBeforeAnythingIsDeployed() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        share(database.password(), closed);

        Scenario.Running running = scenario.start(PromoteTagStepTest.promote("v1.0.0", "staging", 1));

        Throwable thrown = catchAbort(running);
        assertThat(thrown.getMessage())
                .startsWith("[release-promotion] Cannot ")
                .contains("127.0.0.1:" + closed)
                .doesNotContain("\n");
        assertThat(stackTrace(thrown)).doesNotContain(database.password());
        assertThat(Files.exists(scenario.workspace.resolve("deployed-staging.txt")))
                .isFalse();
    }

    private static Throwable catchAbort(Scenario.Running running) {
        Throwable[] thrown = new Throwable[1];
        assertThatThrownBy(() -> {
                    try {
                        running.await();
                    } catch (Exception e) {
                        thrown[0] = e;
                        throw e;
                    }
                })
                .isInstanceOf(AbortException.class);
        return thrown[0];
    }

    private static String stackTrace(Throwable thrown) {
        StringWriter text = new StringWriter();
        thrown.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    /** Every stored record's text and every column, as one string. */
    private static String storedText() throws Exception {
        StringBuilder all = new StringBuilder();
        try (Connection c = database.connect();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT * FROM ledger_record")) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                for (int i = 1; i <= columns; i++) {
                    all.append(r.getString(i)).append('\t');
                }
                all.append('\n');
            }
        }
        return all.toString();
    }
}
