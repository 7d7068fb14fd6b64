package io.jenkins.plugins.releasepromotion.engine.verify;

import static io.jenkins.plugins.releasepromotion.engine.verify.Harness.only;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.releasepromotion.engine.config.CheckBuilder;
import io.jenkins.plugins.releasepromotion.engine.config.CheckType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Triggering and watching a DAG run on an Airflow that behaves in each of the ways that matter. */
class DagCheckTest {
    private final Harness harness = new Harness();
    private FakeAirflow airflow;

    @BeforeEach
    void start() throws IOException {
        airflow = new FakeAirflow();
        harness.credentials.user("airflow-api", "admin", "airflow-pass").token("airflow-token", "airflow-tok");
    }

    @AfterEach
    void stop() {
        airflow.close();
    }

    private CheckResult dag(String credentialsId, String auth) throws InterruptedException {
        return only(harness.verify(
                Harness.slot1("http://app.invalid"),
                CheckBuilder.of(CheckType.DAG)
                        .dag(FakeAirflow.DAG, airflow.url(), credentialsId, auth)
                        .deadline(Duration.ofMinutes(20))
                        .conf(Map.of("source", "release"))
                        .build()));
    }

    @Test
    void triggersARunForTheSlotAndPassesWhenItSucceeds() throws Exception {
        airflow.requiredAuthorization =
                "Basic " + Base64.getEncoder().encodeToString("admin:airflow-pass".getBytes(StandardCharsets.UTF_8));
        CheckResult result = dag("airflow-api", "basic");
        assertThat(result.outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(airflow.triggers).hasSize(1);
        String runId = airflow.triggers.get(0).get("dag_run_id").asText();
        assertThat(runId).isEqualTo("release-v1.2.3-20260124T100000000Z");
        assertThat(airflow.triggers.get(0).get("conf").toString()).isEqualTo("{\"source\":\"release\"}");
        assertThat(result.message()).isEqualTo("DAG run " + runId + " of job_search_pipeline succeeded in 9.5 s");
        assertThat(result.evidence())
                .containsEntry("dagRunId", runId)
                .containsEntry("state", "success")
                .containsEntry("polls", "3");
    }

    @Test
    void pollsOftenAtFirstThenLessOftenUpToThirtySeconds() throws Exception {
        airflow.pollsUntilDone = 10;
        dag("airflow-token", "bearer");
        assertThat(harness.time.sleeps())
                .extracting(Duration::toMillis)
                .containsExactly(2000L, 3000L, 4500L, 6750L, 10125L, 15187L, 22780L, 30000L, 30000L, 30000L);
    }

    @Test
    void sendsASecretTextAsBearerToken() throws Exception {
        airflow.requiredAuthorization = "Bearer airflow-tok";
        assertThat(dag("airflow-token", "bearer").outcome()).isEqualTo(CheckOutcome.PASSED);
    }

    @Test
    void failsWhenTheRunFails() throws Exception {
        airflow.finalState = "failed";
        CheckResult result = dag(null, null);
        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(result.message())
                .isEqualTo("DAG run release-v1.2.3-20260124T100000000Z of job_search_pipeline failed after 9.5 s"
                        + " (state: failed); see its task logs in Airflow at " + airflow.server.url() + "/airflow-1");
        assertThat(result.evidence()).containsEntry("state", "failed");
    }

    @Test
    void failsWhenTheRunIsStillRunningAtTheDeadline() throws Exception {
        airflow.finalState = null;
        CheckResult result = dag(null, null);
        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(result.message())
                .isEqualTo("DAG run release-v1.2.3-20260124T100000000Z of job_search_pipeline still running after"
                        + " 20m (state: running)");
        assertThat(harness.time.sleeps().stream().reduce(Duration.ZERO, Duration::plus))
                .isEqualTo(Duration.ofMinutes(20));
    }

    @Test
    void aRunThatStaysQueuedHintsAtAPausedDag() throws Exception {
        airflow.finalState = null;
        airflow.runningState = "queued";
        assertThat(dag(null, null).message()).endsWith("still queued after 20m (state: queued; is the DAG paused?)");
    }

    @Test
    void aPollWithoutAnAnswerIsNotTheEndOfTheRun() throws Exception {
        airflow.failingPolls = 2;
        CheckResult result = dag(null, null);
        assertThat(result.outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(result.evidence()).containsEntry("polls", "3");
    }

    @Test
    void aRunThatCannotBeReadNamesTheLastPollAtTheDeadline() throws Exception {
        airflow.failingPolls = Integer.MAX_VALUE;
        assertThat(dag(null, null).message())
                .endsWith("still queued after 20m (state: queued; last poll: 503 Service Unavailable {\"title\":"
                        + "\"scheduler busy\"})");
    }

    @Test
    void refusedCredentialsFailAtOnceWithoutRetries() throws Exception {
        airflow.requiredAuthorization = "Bearer something-else";
        CheckResult result = only(harness.verify(
                Harness.slot1("http://app.invalid"),
                CheckBuilder.of(CheckType.DAG)
                        .dag(FakeAirflow.DAG, airflow.url(), "airflow-api", "basic")
                        .retries(3)
                        .build()));
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.message())
                .isEqualTo("Airflow at " + airflow.server.url() + "/airflow-1 refused the credentials 'airflow-api'"
                        + " (401 Unauthorized) for triggering DAG job_search_pipeline; check them, and that auth"
                        + " (basic or bearer) is what the API accepts");
        assertThat(harness.time.sleeps()).isEmpty();
    }

    @Test
    void anUnknownDagNamesTheDagAndTheUrl() throws Exception {
        CheckResult result = only(harness.verify(
                Harness.slot1("http://app.invalid"),
                CheckBuilder.of(CheckType.DAG)
                        .dag("no_such_dag", airflow.url(), null, null)
                        .build()));
        assertThat(result.message())
                .isEqualTo("Airflow at " + airflow.server.url() + "/airflow-1 answered 404 Not Found for triggering"
                        + " DAG no_such_dag; check dagId no_such_dag and airflowUrl (the stable API lives under"
                        + " /api/v1)");
    }

    @Test
    void aMissingCredentialFailsTheCheckNamingTheId() throws Exception {
        CheckResult result = dag("nobody", "bearer");
        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(result.message())
                .isEqualTo("No credentials with ID 'nobody' found; add a secret text credential with that ID, or fix"
                        + " the ID in the configuration.");
    }

    @Test
    void aServerErrorOnTriggerIsRetriedWithANewRun() throws Exception {
        airflow.triggerStatus = 503;
        CheckResult result = only(harness.verify(
                Harness.slot1("http://app.invalid"),
                CheckBuilder.of(CheckType.DAG)
                        .dag(FakeAirflow.DAG, airflow.url(), null, null)
                        .retries(1)
                        .build()));
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(result.message())
                .startsWith("Airflow at " + airflow.server.url() + "/airflow-1 answered 503 Service Unavailable to"
                        + " triggering DAG job_search_pipeline");
        assertThat(result.evidence()).containsEntry("trigger", "503 Service Unavailable");
        assertThat(List.copyOf(harness.log)).anyMatch(line -> line.contains("attempt 2/2"));
    }
}
