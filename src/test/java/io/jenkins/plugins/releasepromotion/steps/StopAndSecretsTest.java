package io.jenkins.plugins.releasepromotion.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import hudson.AbortException;
import io.jenkins.plugins.releasepromotion.action.ReleaseAction;
import io.jenkins.plugins.releasepromotion.config.Check;
import io.jenkins.plugins.releasepromotion.config.FlowRequest;
import io.jenkins.plugins.releasepromotion.config.ScriptDeploy;
import io.jenkins.plugins.releasepromotion.config.SshDeploy;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class StopAndSecretsTest extends ScenarioTest {
    static final String CANARY = "canary-7f3e91d2-never-print-me";

    @Test
    void stoppingTheStepInterruptsTheDeployAndTheLedgerRecordsHowItEnded() throws Exception {
        scenario.environments.set(0, Scenario.environment("staging", "staging", 2, null));
        scenario.environments.get(0).setChecks(List.of());
        ScriptDeploy slow = new ScriptDeploy(List.of("sh", "-c", "echo deploying $RELEASE_TAG; sleep 60"));
        scenario.environments.set(0, withDeploy(scenario.environments.get(0), slow));
        scenario.reconfigure();

        Scenario.Running running = scenario.start(PromoteTagStepTest.promote("v1.0.0", "staging", 1));
        waitFor(() -> running.log().contains("deploying v1.0.0"));
        long stoppedAt = System.nanoTime();
        running.execution().stop(new InterruptedException("aborted by a user"));

        assertThatThrownBy(running::await).isNotNull();
        waitFor(() -> scenario.ledger().history("staging").stream().anyMatch(LedgerRecord::isFinished));
        assertThat((System.nanoTime() - stoppedAt) / 1_000_000_000L).isLessThan(30);
        assertThat(scenario.ledger().history("staging"))
                .filteredOn(LedgerRecord::isFinished)
                .singleElement()
                .extracting(LedgerRecord::outcome)
                .isEqualTo(Outcome.DEPLOY_FAILED);
        assertThat(scenario.ledger().interrupted("staging")).isEmpty();
    }

    /** A loopback app whose login answers with the authorization it received, after {@code greeting}. */
    private HttpServer echoServer(String greeting, List<String> seen) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            seen.add(auth);
            byte[] body = (greeting + ", you sent " + auth).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        scenario.credentials.secretText("api-token", CANARY);
        FlowRequest login = new FlowRequest("/api/login");
        login.setName("login");
        login.setCredentialsId("api-token");
        login.setExpectBody("welcome");
        Check flows = new Check("flows");
        flows.setRequests(List.of(login));
        scenario.environments
                .get(0)
                .setUrl("http://127.0.0.{slot}:" + server.getAddress().getPort());
        scenario.environments.get(0).setChecks(List.of(flows));
        scenario.reconfigure();
        return server;
    }

    private void assertLedgerHasNoCanary() throws Exception {
        try (Stream<Path> files = Files.walk(scenario.ledgerDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).doesNotContain(CANARY);
            }
        }
    }

    @Test
    void aCanarySecretNeverReachesTheLogTheFailureTheActionOrTheLedger() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer server = echoServer("hello", seen);
        try {
            Scenario.Running running = scenario.start(PromoteTagStepTest.promote("v1.0.0", "staging", 1));

            Throwable failure = null;
            try {
                running.await();
            } catch (AbortException e) {
                failure = e;
            }
            assertThat(seen).as(String.valueOf(failure)).contains("Bearer " + CANARY);
            assertThat(failure).isNotNull();
            assertThat(failure.getMessage()).doesNotContain(CANARY);
            assertThat(running.log()).doesNotContain(CANARY).contains("login").contains("you sent Bearer ****");
            ReleaseAction action = running.build().getAction(ReleaseAction.class);
            assertThat(String.join("|", action.getMessage(), String.valueOf(action.getReportJson())))
                    .doesNotContain(CANARY);
            assertLedgerHasNoCanary();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aCanarySecretNeverReachesTheReturnValue() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer server = echoServer("welcome", seen);
        try {
            Scenario.Running running = scenario.start(PromoteTagStepTest.promote("v1.0.0", "staging", 1));
            Map<?, ?> result = (Map<?, ?>) running.await();

            assertThat(seen).contains("Bearer " + CANARY);
            assertThat(result.get("outcome")).isEqualTo("SUCCEEDED");
            assertThat(result.toString()).doesNotContain(CANARY);
            assertThat(running.log()).doesNotContain(CANARY);
            assertThat(String.valueOf(
                            running.build().getAction(ReleaseAction.class).getReportJson()))
                    .doesNotContain(CANARY);
            assertLedgerHasNoCanary();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aMissingCredentialStopsTheBuildNamingTheIdAndTheType() throws Exception {
        scenario.environments.set(1, withDeploy(scenario.environments.get(1), ssh("production-key")));
        scenario.reconfigure();

        assertThatThrownBy(scenario.start(PromoteTagStepTest.promote("v1.0.0", "production", null))::await)
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("'production-key'")
                .hasMessageContaining("SSH private key")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(scenario.ledger().history("production")).isEmpty();
    }

    @Test
    void aCredentialOfTheWrongTypeStopsTheBuildNamingWhatItIsAndWhatIsNeeded() throws Exception {
        scenario.credentials.secretText("production-key", CANARY);
        scenario.environments.set(1, withDeploy(scenario.environments.get(1), ssh("production-key")));
        scenario.reconfigure();

        assertThatThrownBy(scenario.start(PromoteTagStepTest.promote("v1.0.0", "production", null))::await)
                .isInstanceOf(AbortException.class)
                .hasMessage("[release-promotion] Credentials 'production-key' are secret text, but SSH private key"
                        + " is needed here; use a SSH private key credential.");
    }

    private static SshDeploy ssh(String credentialsId) {
        SshDeploy ssh = new SshDeploy("production-server", "deploy", credentialsId, "/srv/app");
        ssh.setHostKey("SHA256:" + "A".repeat(43));
        return ssh;
    }

    private static io.jenkins.plugins.releasepromotion.config.Environment withDeploy(
            io.jenkins.plugins.releasepromotion.config.Environment from,
            io.jenkins.plugins.releasepromotion.config.Deploy deploy) {
        io.jenkins.plugins.releasepromotion.config.Environment env =
                new io.jenkins.plugins.releasepromotion.config.Environment(from.getName(), deploy);
        env.setKind(from.getKind());
        env.setSlots(from.getSlots());
        env.setChecks(from.getChecks());
        env.setGates(from.getGates());
        return env;
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting");
            }
            Thread.sleep(50);
        }
    }
}
