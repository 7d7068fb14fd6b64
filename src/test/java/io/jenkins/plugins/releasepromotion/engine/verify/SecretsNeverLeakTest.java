package io.jenkins.plugins.releasepromotion.engine.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.releasepromotion.engine.config.CheckBuilder;
import io.jenkins.plugins.releasepromotion.engine.config.CheckConfig;
import io.jenkins.plugins.releasepromotion.engine.config.CheckMode;
import io.jenkins.plugins.releasepromotion.engine.config.CheckType;
import io.jenkins.plugins.releasepromotion.engine.config.FlowRequest;
import io.jenkins.plugins.releasepromotion.engine.deploy.script.LocalCommandRunner;
import io.jenkins.plugins.releasepromotion.engine.port.Secrets;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One secret used as a flow's password and as Airflow's bearer token, echoed back by the application in its answers
 * and printed in its logs: it reaches no log line, message, report JSON or {@code toString()}.
 */
class SecretsNeverLeakTest {
    private static final String CANARY = "c4nary-S3cret-91f";

    @Test
    void theSecretNeverReachesTheLogTheReportOrToString() throws Exception {
        Harness harness = new Harness();
        harness.runner = new LocalCommandRunner(Path.of("."), Secrets.none());
        harness.credentials.user("demo-user", "demo", CANARY).token("airflow-api", CANARY);
        String echo = "{\"branch\":\"" + CANARY + "\",\"detail\":\"wrong password " + CANARY + "\"}";
        try (TestServer app = TestServer.http();
                FakeAirflow airflow = new FakeAirflow()) {
            app.on(
                            "/api/login",
                            exchange -> TestServer.send(
                                    exchange,
                                    500,
                                    "{\"seen\":\""
                                            + exchange.getRequestHeaders().getFirst("Authorization")
                                            + "\",\"password\":\"" + CANARY + "\"}"))
                    .on("/api/version", TestServer.answer(200, echo))
                    .on("/api/health", TestServer.answer(503, echo));
            airflow.triggerStatus = 500;
            VerificationReport report = harness.verify(Harness.slot1(app.url()), checks(airflow.url()));

            List<String> seen = new ArrayList<>(harness.log);
            seen.add(report.toJson());
            seen.add(report.toString());
            seen.add(report.summary());
            seen.add(new HttpCall("GET", URI.create(app.url()), null, null, Duration.ofSeconds(1))
                    .withHeader("Authorization", "Bearer " + CANARY)
                    .toString());
            seen.add(harness.credentials.usernamePassword("demo-user").toString());
            seen.add(harness.credentials.secretText("airflow-api").toString());
            String all = String.join("\n", seen);
            assertThat(all)
                    .doesNotContain(CANARY)
                    .doesNotContain(base64(CANARY))
                    .doesNotContain(base64("demo:" + CANARY))
                    .doesNotContain(CANARY.substring(0, 8));
            assertThat(report.toJson()).as("the echoes were there, masked").contains("****");
            assertThat(report.checks()).hasSize(5).allSatisfy(c -> assertThat(c.outcome())
                    .isEqualTo(CheckOutcome.FAILED));
        }
    }

    private static CheckConfig[] checks(String airflowUrl) {
        return new CheckConfig[] {
            CheckBuilder.of(CheckType.HEALTH)
                    .consecutive(1)
                    .mode(CheckMode.WARN)
                    .build(),
            CheckBuilder.of(CheckType.VERSION).mode(CheckMode.WARN).build(),
            CheckBuilder.of(CheckType.FLOWS)
                    .mode(CheckMode.WARN)
                    .requests(new FlowRequest("login", "POST", "/api/login", null, null, "demo-user", 200, null, null))
                    .build(),
            CheckBuilder.of(CheckType.DAG)
                    .mode(CheckMode.WARN)
                    .dag(FakeAirflow.DAG, airflowUrl, "airflow-api", "bearer")
                    .build(),
            CheckBuilder.of(CheckType.LOGS)
                    .mode(CheckMode.WARN)
                    .command("sh", "-c", "echo 'ERROR login failed for demo with password " + CANARY + "'")
                    .patterns(List.of("ERROR"), null)
                    .build()
        };
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
