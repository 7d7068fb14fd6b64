package io.jenkins.plugins.releasepromotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.releasepromotion.engine.ledger.JsonLinesLedger;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.ledger.RecordKind;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import io.jenkins.plugins.releasepromotion.engine.report.ReportFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report} and {@code metrics} over the ledger whose figures are known by hand ({@link ReportFixture}). */
class ReportCommandsTest {
    private static final String UNTIL = ReportFixture.NOW.toString();

    @TempDir
    Path dir;

    private CliRepo repo;

    @BeforeEach
    void setUp() throws Exception {
        repo = CliRepo.create(dir.resolve("repo"));
        repo.config(ReportFixture.CONFIG);
        new ReportFixture(new JsonLinesLedger(repo.dir.resolve(".release-promotion/ledger"))).all();
    }

    @Test
    void metricsPrintsTheFourFiguresOfTheWindow() {
        assertThat(repo.run("metrics", "--since", "28d", "--until", UNTIL))
                .as(repo.err())
                .isZero();

        assertThat(repo.out())
                .contains("Delivery figures of production from 2026-11-02T12:00:00Z to 2026-11-30T12:00:00Z:")
                .containsPattern("Deployment frequency +1 per week +4 deployments")
                .containsPattern("Lead time for changes +18h +4 counted")
                .containsPattern("Change failure rate +50% +6 changes")
                .containsPattern("Time to restore service +1h +3 counted; not counted: 1 failures not restored yet");
    }

    @Test
    void metricsJsonMatchesItsSchemaAndTheFiguresKnownByHand() {
        assertThat(repo.run("metrics", "--json", "--since", "28d", "--until", UNTIL))
                .as(repo.err())
                .isZero();

        JsonNode metrics = Schemas.matches("metrics", repo.out());
        assertThat(metrics.get("weeks").asInt()).isEqualTo(4);
        JsonNode figures = metrics.get("figures");
        assertThat(figures.get("deploymentFrequency").get("value").asDouble()).isEqualTo(1.0);
        assertThat(figures.get("leadTime").get("value").asDouble()).isEqualTo(18 * 3600.0);
        assertThat(figures.get("changeFailureRate").get("value").asDouble()).isEqualTo(0.5);
        assertThat(figures.get("timeToRestore").get("value").asDouble()).isEqualTo(3600.0);
        assertThat(figures.get("timeToRestore").get("weekly").toString()).isEqualTo("[null,900.0,null,9000.0]");
        assertThat(figures.get("changeFailureRate").get("records")).hasSize(6);
    }

    @Test
    void anEmptyWindowHasNoFiguresRatherThanZeros() {
        assertThat(repo.run("metrics", "--json", "--since", "1d", "--until", "2026-10-01T00:00:00Z"))
                .as(repo.err())
                .isZero();

        JsonNode figures = Schemas.matches("metrics", repo.out()).get("figures");
        assertThat(figures.get("leadTime").get("value").isNull()).isTrue();
        assertThat(figures.get("changeFailureRate").get("value").isNull()).isTrue();
    }

    @Test
    void reportWritesOneSelfContainedPageAndSaysWhere() throws Exception {
        Path page = dir.resolve("release-record.html");

        assertThat(repo.run("report", "--html", page.toString(), "--since", "28d", "--until", UNTIL))
                .as(repo.err())
                .isZero();

        assertThat(repo.out()).isEqualTo("Wrote the release record of 3 environment slots, 4 weeks, to " + page + "\n");
        String html = Files.readString(page);
        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .contains("Content-Security-Policy", "default-src &#39;none&#39;", "id=\"env-production\"")
                .doesNotContain("<script", "<link", "http://", "https://");
        assertThat(dir).isDirectoryNotContaining("glob:**.partial");
    }

    @Test
    void aMissingFolderIsOneLineThatNamesIt() {
        Path page = dir.resolve("no/such/folder/page.html");

        assertThat(repo.run("report", "--html", page.toString())).isEqualTo(ExitCode.USAGE_OR_CONFIGURATION);

        assertThat(repo.err().strip())
                .isEqualTo("release-promotion: --html " + page + ": the folder " + page.getParent()
                        + " does not exist; create it, or give a page in an existing folder");
    }

    @Test
    void aWrongTimeNamesTheFormItWants() {
        assertThat(repo.run("metrics", "--until", "yesterday")).isEqualTo(ExitCode.USAGE_OR_CONFIGURATION);

        assertThat(repo.err())
                .contains("'yesterday' is not a time: write it as ISO-8601 in UTC, like 2026-11-30T12:00:00Z");
    }

    @Test
    void aDeploymentRecordedWithoutItsCommitTimeTakesItFromTheRepository() throws Exception {
        JsonLinesLedger ledger = new JsonLinesLedger(repo.dir.resolve(".release-promotion/ledger"));
        java.time.Instant at = ReportFixture.NOW.plus(Duration.ofDays(1));
        LedgerRecord old =
                LedgerRecord.started(RecordKind.DEPLOYMENT, "production", null, "v1.0.0", repo.commit, "ci", at);
        ledger.append(old);
        ledger.append(old.finish(Outcome.SUCCEEDED, at));

        assertThat(repo.run(
                        "metrics",
                        "--json",
                        "--since",
                        "12h",
                        "--until",
                        at.plusSeconds(60).toString()))
                .as(repo.err())
                .isZero();

        JsonNode lead = Schemas.matches("metrics", repo.out()).get("figures").get("leadTime");
        assertThat(lead.get("counted").asInt()).isEqualTo(1);
        assertThat(lead.get("records").get(0).get("detail").asText()).startsWith("committed 20");
    }
}
