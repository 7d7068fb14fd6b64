package io.jenkins.plugins.releasepromotion.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app in-process, serving a real checkout of a tag. */
class SampleAppTest {
    @TempDir
    static Path origin;

    @TempDir
    static Path deployment;

    private static SampleRepos repos;
    private SampleApp app;

    @BeforeAll
    static void checkOutV100() throws Exception {
        repos = SampleRepos.create(origin);
        SampleRepos.cloneAt(origin, deployment, "v1.0.0");
    }

    @AfterEach
    void stop() throws IOException {
        if (app != null) {
            app.close();
        }
        Files.deleteIfExists(deployment.resolve(Faults.FILE));
    }

    private int start(String environment, Integer slot) throws IOException {
        app = SampleApp.start(SampleConfig.of(deployment, environment, slot));
        return app.port();
    }

    @Test
    void reportsTheTagAndCommitCheckedOut() throws Exception {
        Instant before = Instant.now().minusMillis(1);
        int port = start("staging", 1);

        HttpResponse<String> response = SampleRepos.get(port, "/api/version");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode version = SampleRepos.json(response);
        assertThat(version.get("environment").asText()).isEqualTo("staging");
        assertThat(version.get("slot").asInt()).isEqualTo(1);
        assertThat(version.get("branch").asText()).isEqualTo("v1.0.0");
        assertThat(version.get("commit_sha").asText()).isEqualTo(repos.v100.name());
        assertThat(Instant.parse(version.get("deployed_at").asText()))
                .isAfter(before)
                .isBeforeOrEqualTo(Instant.now());
    }

    @Test
    void anEnvironmentWithoutSlotsReportsANullSlot() throws Exception {
        int port = start("production", null);

        JsonNode version = SampleRepos.json(SampleRepos.get(port, "/api/version"));

        assertThat(version.get("environment").asText()).isEqualTo("production");
        assertThat(version.get("slot").isNull()).isTrue();
    }

    @Test
    void isHealthyAndReportsItsMigrations() throws Exception {
        int port = start("staging", 1);

        HttpResponse<String> health = SampleRepos.get(port, "/api/health");
        JsonNode migrations = SampleRepos.json(SampleRepos.get(port, "/api/migrations"));

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(SampleRepos.json(health).at("/status").asText()).isEqualTo("ok");
        assertThat(SampleRepos.json(health).at("/database/migrations").asText()).isEqualTo("up-to-date");
        assertThat(migrations.get("applied")).hasToString("[\"001\"]");
        assertThat(migrations.get("pending")).hasToString("[]");
    }

    @Test
    void aLoginGivesATokenForTheDashboardAndCampaigns() throws Exception {
        int port = start("staging", 1);

        HttpResponse<String> login = SampleRepos.send(HttpRequest.newBuilder(SampleRepos.uri(port, "/api/login"))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\": \"demo\", \"password\": \"" + SampleConfig.DEFAULT_PASSWORD + "\"}")));
        String token = SampleRepos.json(login).get("token").asText();

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(SampleRepos.json(login).at("/user/name").asText()).isEqualTo("demo");
        HttpResponse<String> dashboard =
                SampleRepos.send(HttpRequest.newBuilder(SampleRepos.uri(port, "/api/dashboard"))
                        .header("Authorization", "Bearer " + token));
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(SampleRepos.json(dashboard).at("/user/name").asText()).isEqualTo("demo");
        HttpResponse<String> campaigns =
                SampleRepos.send(HttpRequest.newBuilder(SampleRepos.uri(port, "/api/campaigns"))
                        .header("Authorization", basic("demo", SampleConfig.DEFAULT_PASSWORD)));
        assertThat(campaigns.statusCode()).isEqualTo(200);
        assertThat(campaigns.body()).contains("campaigns");
    }

    @Test
    void wrongCredentialsAndMissingTokensAreRefused() throws Exception {
        int port = start("staging", 1);

        HttpResponse<String> login = SampleRepos.send(HttpRequest.newBuilder(SampleRepos.uri(port, "/api/login"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .header("Authorization", basic("demo", "guess")));
        HttpResponse<String> dashboard = SampleRepos.get(port, "/api/dashboard");
        HttpResponse<String> forged = SampleRepos.send(HttpRequest.newBuilder(SampleRepos.uri(port, "/api/campaigns"))
                .header("Authorization", "Bearer forged"));

        assertThat(login.statusCode()).isEqualTo(401);
        assertThat(dashboard.statusCode()).isEqualTo(401);
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(SampleRepos.get(port, "/api/login").statusCode()).isEqualTo(405);
        assertThat(SampleRepos.get(port, "/api/versions").statusCode()).isEqualTo(404);
    }

    @Test
    void refusesADirectoryThatIsNoCheckout() {
        assertThatThrownBy(() -> SampleApp.start(SampleConfig.of(origin.resolve("nothing"), "staging", 1)))
                .isInstanceOf(IOException.class)
                .hasMessageEndingWith("is not a git checkout; clone the repository there and check a tag out.");
    }

    @Test
    void aTakenPortIsNamed() throws Exception {
        int port = start("staging", 1);
        SampleConfig same = new SampleConfig(
                deployment, port, "staging", 2, SampleConfig.DEFAULT_USERNAME, SampleConfig.DEFAULT_PASSWORD);

        assertThatThrownBy(() -> SampleApp.start(same))
                .isInstanceOf(IOException.class)
                .hasMessage("Port " + port + " on 127.0.0.1 is taken; stop what listens there, or use port 0 for any"
                        + " free one.");
    }

    @Test
    void refusesAnUnknownFault() throws Exception {
        Files.writeString(deployment.resolve(Faults.FILE), "{\"hangs\": true}");

        assertThatThrownBy(() -> start("staging", 1))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("faults.json cannot be read: Unrecognized field \"hangs\"");
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
