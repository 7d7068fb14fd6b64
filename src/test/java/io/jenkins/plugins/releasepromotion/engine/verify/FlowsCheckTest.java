package io.jenkins.plugins.releasepromotion.engine.verify;

import static io.jenkins.plugins.releasepromotion.engine.verify.Harness.only;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.releasepromotion.engine.config.CheckBuilder;
import io.jenkins.plugins.releasepromotion.engine.config.CheckType;
import io.jenkins.plugins.releasepromotion.engine.config.FlowRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Login, dashboard and campaigns against an application that keeps a session in a cookie. */
class FlowsCheckTest {
    private static final String BASIC =
            "Basic " + Base64.getEncoder().encodeToString("demo:demo-pass".getBytes(StandardCharsets.UTF_8));

    private final Harness harness = new Harness();
    private final List<String> loginBodies = new CopyOnWriteArrayList<>();
    private TestServer app;

    @BeforeEach
    void start() throws IOException {
        harness.credentials.user("staging-demo-user", "demo", "demo-pass").token("api-token", "tok-123");
        app = TestServer.http()
                .on("/api/login", exchange -> {
                    loginBodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                            + " as " + exchange.getRequestHeaders().getFirst("Content-Type"));
                    if (!BASIC.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                        TestServer.send(exchange, 401, "{\"error\":\"bad login\"}");
                        return;
                    }
                    exchange.getResponseHeaders().add("Set-Cookie", "session=s-42; Path=/");
                    TestServer.send(exchange, 200, "{\"user\":{\"name\":\"demo\",\"roles\":[]}}");
                })
                .on("/api/dashboard", exchange -> {
                    String cookie = exchange.getRequestHeaders().getFirst("Cookie");
                    TestServer.send(
                            exchange,
                            "session=s-42".equals(cookie) ? 200 : 401,
                            "{\"widgets\":3,\"greeting\":\"hello demo\"}");
                })
                .on(
                        "/api/campaigns",
                        exchange -> TestServer.send(
                                exchange,
                                "Bearer tok-123"
                                                .equals(exchange.getRequestHeaders()
                                                        .getFirst("Authorization"))
                                        ? 200
                                        : 403,
                                "{\"campaigns\":[]}"));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private CheckResult flows(FlowRequest... requests) throws InterruptedException {
        return only(harness.verify(
                Harness.slot1(app.url()),
                CheckBuilder.of(CheckType.FLOWS)
                        .name("key-user-flows")
                        .requests(requests)
                        .build()));
    }

    private static FlowRequest request(
            String name, String method, String path, String body, String credentialsId, Map<String, String> json) {
        return new FlowRequest(name, method, path, Map.of("X-Check", "release"), body, credentialsId, 0, json, null);
    }

    private static FlowRequest login() {
        return request(
                "login",
                "POST",
                "/api/login",
                "{\"remember\":true}",
                "staging-demo-user",
                Map.of("/user/name", "demo", "/user/roles", "[]"));
    }

    @Test
    void aSessionGoesFromLoginToDashboardAndCampaigns() throws Exception {
        CheckResult result = flows(
                login(),
                request("dashboard", "GET", "/api/dashboard", null, null, Map.of("/widgets", "3")),
                new FlowRequest(
                        "campaigns", null, "/api/campaigns", null, null, "api-token", 200, null, "\"campaigns\""));
        assertThat(result.outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(result.message()).isEqualTo("login, dashboard, campaigns answered as expected");
        assertThat(result.evidence())
                .containsEntry("login", "200 OK")
                .containsEntry("dashboard", "200 OK")
                .containsEntry("campaigns", "200 OK");
        assertThat(loginBodies).containsExactly("{\"remember\":true} as application/json");
    }

    @Test
    void aWrongStatusNamesTheRequestAndWhatCameBack() throws Exception {
        CheckResult result = flows(request("dashboard", "GET", "/api/dashboard", null, null, Map.of()));
        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(result.message())
                .isEqualTo("dashboard: expected 200 OK, got 401 Unauthorized ({\"widgets\":3,\"greeting\":\"hello"
                        + " demo\"})");
        assertThat(result.evidence())
                .containsEntry("dashboard", "401 Unauthorized")
                .containsEntry("dashboard.body", "{\"widgets\":3,\"greeting\":\"hello demo\"}");
    }

    @Test
    void aJsonValueThatDiffersNamesThePointer() throws Exception {
        CheckResult result =
                flows(request("login", "POST", "/api/login", null, "staging-demo-user", Map.of("/user/name", "admin")));
        assertThat(result.message()).isEqualTo("login: /user/name is 'demo', expected 'admin'");
    }

    @Test
    void missingBodyTextIsNamed() throws Exception {
        CheckResult result =
                flows(new FlowRequest(null, null, "/api/campaigns", null, null, "api-token", 200, null, "\"items\""));
        assertThat(result.message())
                .isEqualTo("GET /api/campaigns: the answer does not contain '\"items\"' ({\"campaigns\":[]})");
    }

    @Test
    void anUnknownCredentialFailsAtOnceNamingTheId() throws Exception {
        CheckResult result = only(harness.verify(
                Harness.slot1(app.url()),
                CheckBuilder.of(CheckType.FLOWS)
                        .retries(3)
                        .requests(request("login", "POST", "/api/login", null, "nobody", Map.of()))
                        .build()));
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.message())
                .isEqualTo("login: No credentials with ID 'nobody' found; add a username with password credential"
                        + " with that ID, or fix the ID in the configuration.");
    }
}
