package io.jenkins.plugins.releasepromotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.ledger.Phase;
import io.jenkins.plugins.releasepromotion.engine.ledger.postgres.PostgresCluster;
import io.jenkins.plugins.releasepromotion.engine.ledger.postgres.PostgresLedger;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged command as several processes on one shared ledger in a real PostgreSQL: promotions of different slots
 * at once, and the database stopped (as a crash would) in the middle of a deploy and started again.
 */
class SharedLedgerIT {
    private static final Path JAR =
            Path.of(System.getProperty("release-promotion.jar", "target/release-promotion-cli.jar"));
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final int SLOTS = 4;

    @TempDir
    Path dir;

    private PostgresCluster cluster;
    private PostgresCluster.Database db;
    private CliRepo repo;

    record Run(int code, String out, String err) {}

    @BeforeEach
    void repository() throws Exception {
        cluster = PostgresCluster.shared();
        db = cluster.newDatabase();
        // The tests' cluster trades durability for speed; a stop at once must not lose a commit already answered.
        cluster.admin("postgres", "ALTER DATABASE " + db.name() + " SET synchronous_commit = on");
        repo = CliRepo.create(dir.resolve("repo"));
        // Deploys at once; while a file "hold-<slot>" exists, it says so and waits for it to go.
        Path script = repo.dir.resolve("deploy.sh");
        Files.writeString(
                script,
                "#!/bin/sh\necho \"deploying $2 to slot $1\"\nif [ -e hold-$1 ]; then touch held-$1;"
                        + " while [ -e hold-$1 ]; do sleep 0.1; done; fi\n");
        script.toFile().setExecutable(true);
        repo.config(
                """
                environments:
                  - name: staging
                    kind: staging
                    slots: %d
                    deploy:
                      script:
                        command: [./deploy.sh, '{slot}', '{tag}']
                ledger:
                  url: %s
                """
                        .formatted(SLOTS, db.target()));
    }

    @Test
    void processesPromotingDifferentSlotsAtOnceRecordEveryOutcomeOnceWithoutLockConflicts() throws Exception {
        List<Process> processes = new ArrayList<>();
        for (int slot = 1; slot <= SLOTS; slot++) {
            processes.add(start("promote", "v1.0.0", "--env", "staging", "--slot", "" + slot, "--no-verify"));
        }
        for (Process process : processes) {
            Run run = finish(process);
            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.err()).doesNotContain("locked").doesNotContain(db.password());
        }

        try (PostgresLedger ledger = db.open()) {
            List<LedgerRecord> history = ledger.history("staging");
            assertThat(history).hasSize(2 * SLOTS);
            Set<String> once = new HashSet<>();
            history.forEach(r -> assertThat(once.add(r.id() + r.phase())).isTrue());
            for (int slot = 1; slot <= SLOTS; slot++) {
                assertThat(ledger.current("staging", slot))
                        .get()
                        .extracting(LedgerRecord::tag, LedgerRecord::outcome)
                        .containsExactly("v1.0.0", Outcome.SUCCEEDED);
            }
        }
    }

    @Test
    void theDatabaseStoppedDuringADeployKeepsItsOutcomeUntilTheNextCommandWritesIt() throws Exception {
        Path hold = Files.createFile(repo.dir.resolve("hold-1"));
        Process promote = start("promote", "v1.0.0", "--env", "staging", "--slot", "1", "--no-verify");
        while (!Files.exists(repo.dir.resolve("held-1")) && promote.isAlive()) {
            Thread.sleep(50);
        }
        cluster.kill();
        Run during;
        Run refused;
        try {
            Files.delete(hold);
            during = finish(promote);
            refused = finish(start("promote", "v1.0.0", "--env", "staging", "--slot", "2", "--no-verify"));
        } finally {
            cluster.restart();
        }
        assertThat(during.code()).as(during.err()).isZero();
        assertThat(during.out()).startsWith("SUCCEEDED");
        assertThat(during.err()).contains("WARNING: the ledger " + db.target(), "DEPLOYMENT FINISHED SUCCEEDED");
        Path spool = repo.dir.resolve(".release-promotion/ledger/spool");
        assertThat(Files.list(spool).toList()).singleElement().satisfies(f -> assertThat(Files.readAllLines(f))
                .hasSize(1));
        assertThat(refused.code()).isEqualTo(ExitCode.USAGE_OR_CONFIGURATION);
        assertThat(refused.err().lines()).singleElement().asString().contains("127.0.0.1:" + cluster.port());
        assertThat(refused.out() + refused.err()).doesNotContain("deploying");

        Run next = finish(start("history", "--env", "staging"));

        assertThat(next.code()).as(next.err()).isZero();
        assertThat(next.err()).contains("wrote the 1 record kept in");
        assertThat(next.out()).contains("SUCCEEDED");
        try (var files = Files.list(spool)) {
            assertThat(files.toList()).allSatisfy(f -> assertThat(Files.size(f)).isZero());
        }
        try (PostgresLedger ledger = db.open()) {
            assertThat(ledger.history("staging"))
                    .extracting(LedgerRecord::phase, LedgerRecord::outcome)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(Phase.STARTED, null),
                            org.assertj.core.groups.Tuple.tuple(Phase.FINISHED, Outcome.SUCCEEDED));
        }
        for (Run run : List.of(during, refused, next)) {
            assertThat(run.out() + run.err()).doesNotContain(db.password());
        }
    }

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(
                List.of(JAVA.toString(), "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(repo.dir.toFile());
        builder.environment().putAll(Map.of("RELEASE_PROMOTION_LEDGER_PASSWORD", db.password()));
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }

    private static Run finish(Process process) throws Exception {
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        assertThat(process.waitFor(3, TimeUnit.MINUTES))
                .as("the command finished")
                .isTrue();
        return new Run(process.exitValue(), out.get(), err.get());
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
