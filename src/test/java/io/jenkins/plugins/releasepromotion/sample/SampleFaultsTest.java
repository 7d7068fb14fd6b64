package io.jenkins.plugins.releasepromotion.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each fault of {@code faults.json}, as verification will meet it. */
class SampleFaultsTest {
    @TempDir
    static Path origin;

    @TempDir
    static Path deployment;

    private static SampleRepos repos;
    private SampleApp app;

    @BeforeAll
    static void checkOutV110() throws Exception {
        repos = SampleRepos.create(origin);
        SampleRepos.cloneAt(origin, deployment, "v1.1.0");
    }

    @AfterEach
    void stop() throws IOException {
        if (app != null) {
            app.close();
        }
        Files.deleteIfExists(deployment.resolve(Faults.FILE));
    }

    private int startWith(String faults) throws IOException {
        Files.writeString(deployment.resolve(Faults.FILE), faults);
        app = SampleApp.start(SampleConfig.of(deployment, "staging", 2));
        return app.port();
    }

    @Test
    void aSlowStartAnswers503OnHealthWhileTheVersionIsThere() throws Exception {
        int port = startWith("{\"slowStartMillis\": 600000}");

        HttpResponse<String> health = SampleRepos.get(port, "/api/health");

        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("\"starting\"");
        assertThat(SampleRepos.get(port, "/api/version").statusCode()).isEqualTo(200);
    }

    @Test
    void aHealthRequestThatPrefersToWaitIsAnsweredOnceTheAppIsHealthy() throws Exception {
        int port = startWith("{\"slowStartMillis\": 1500}");

        HttpResponse<String> health = healthPreferring(port, "wait=15");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("Preference-Applied")).hasValue("wait=15");
    }

    @Test
    void aHealthRequestWaitsNoLongerThanItPrefersAndThenHears503() throws Exception {
        int port = startWith("{\"slowStartMillis\": 600000}");

        HttpResponse<String> health = healthPreferring(port, "respond-async, wait=1");

        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.headers().firstValue("Preference-Applied")).hasValue("wait=1");
    }

    private static HttpResponse<String> healthPreferring(int port, String prefer) throws Exception {
        return SampleRepos.send(java.net.http.HttpRequest.newBuilder(SampleRepos.uri(port, "/api/health"))
                .header("Prefer", prefer)
                .GET());
    }

    @Test
    void aStartDelayStillEndsListening() throws Exception {
        int port = startWith("{\"startDelayMillis\": 10}");

        assertThat(SampleRepos.get(port, "/api/health").statusCode()).isEqualTo(200);
    }

    @Test
    void flappingHealthAlternates() throws Exception {
        int port = startWith("{\"flappingHealth\": true}");

        int[] statuses = new int[4];
        for (int i = 0; i < statuses.length; i++) {
            statuses[i] = SampleRepos.get(port, "/api/health").statusCode();
        }

        assertThat(statuses).containsExactly(200, 503, 200, 503);
    }

    @Test
    void aWrongCommitIsAPlausibleOtherSha() throws Exception {
        int port = startWith("{\"wrongCommit\": true}");

        String reported = SampleRepos.json(SampleRepos.get(port, "/api/version"))
                .get("commit_sha")
                .asText();

        assertThat(reported).matches("[0-9a-f]{40}").isNotEqualTo(repos.v110.name());
    }

    @Test
    void aStaleDeployTimeIsFixedInThePast() throws Exception {
        int port = startWith("{\"staleDeployedAt\": true}");

        assertThat(SampleRepos.json(SampleRepos.get(port, "/api/version"))
                        .get("deployed_at")
                        .asText())
                .isEqualTo("2020-01-01T00:00:00Z");
    }

    @Test
    void theVersionCanFailWithAServerError() throws Exception {
        int port = startWith("{\"versionStatus\": 502}");

        assertThat(SampleRepos.get(port, "/api/version").statusCode()).isEqualTo(502);
        assertThat(SampleRepos.get(port, "/api/health").statusCode()).isEqualTo(200);
    }

    @Test
    void malformedJsonDoesNotParse() throws Exception {
        int port = startWith("{\"malformedJson\": true}");

        HttpResponse<String> response = SampleRepos.get(port, "/api/version");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> SampleRepos.json(response)).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void aHugeBodyIsStreamed() throws Exception {
        int port = startWith("{\"hugeBodyMiB\": 50}");

        HttpResponse<InputStream> response = SampleRepos.HTTP.send(
                HttpRequest.newBuilder(SampleRepos.uri(port, "/api/version")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long size;
        try (InputStream body = response.body()) {
            size = body.transferTo(java.io.OutputStream.nullOutputStream());
        }

        assertThat(size).isGreaterThan(50L << 20);
    }

    @Test
    void aHangNeverAnswersUntilTheAppCloses() throws Exception {
        int port = startWith("{\"hang\": true}");
        HttpRequest.Builder version =
                HttpRequest.newBuilder(SampleRepos.uri(port, "/api/version")).timeout(Duration.ofMillis(300));
        HttpRequest.Builder health =
                HttpRequest.newBuilder(SampleRepos.uri(port, "/api/health")).timeout(Duration.ofMillis(300));

        assertThatThrownBy(() -> SampleRepos.HTTP.send(version.build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThatThrownBy(() -> SampleRepos.HTTP.send(health.build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(SampleRepos.get(port, "/api/migrations").statusCode()).isEqualTo(200);
    }

    @Test
    void pendingMigrationsShowOnHealthAndMigrations() throws Exception {
        int port = startWith("{\"pendingMigrations\": 1}");

        assertThat(SampleRepos.json(SampleRepos.get(port, "/api/migrations")))
                .hasToString("{\"applied\":[\"001\"],\"pending\":[\"002\"]}");
        assertThat(SampleRepos.json(SampleRepos.get(port, "/api/health"))
                        .at("/database/migrations")
                        .asText())
                .isEqualTo("pending");
    }
}
