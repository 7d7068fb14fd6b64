package io.jenkins.plugins.releasepromotion.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.releasepromotion.config.Bake;
import io.jenkins.plugins.releasepromotion.config.Check;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BakeWindowStepTest {
    @TempDir
    Path dir;

    Scenario scenario;
    HttpServer server;
    final AtomicInteger healthRequests = new AtomicInteger();

    @BeforeEach
    void setUp() throws Exception {
        scenario = new Scenario(dir);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/health", exchange -> {
            healthRequests.incrementAndGet();
            byte[] body = "{\"status\":\"ok\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
        scenario.close();
    }

    @Test
    void theBakeWindowProbesHealthFromTheAgentWithoutRepeatingTheChecksOrFillingTheLog() throws Exception {
        Check health = new Check("health");
        health.setConsecutive(2);
        Bake bake = new Bake("2s");
        bake.setInterval("1s");
        var staging = scenario.environments.get(0);
        staging.setUrl("http://127.0.0.{slot}:" + server.getAddress().getPort());
        staging.setChecks(List.of(health));
        staging.setBake(bake);
        scenario.reconfigure();

        Scenario.Running running = scenario.start(PromoteTagStepTest.promote("v1.0.0", "staging", 1));
        Map<?, ?> result = (Map<?, ?>) running.await();

        assertThat(result.get("outcome")).isEqualTo("SUCCEEDED");
        assertThat(running.log()).contains("Bake window passed");
        long verifications =
                scenario.channel.calls.stream().filter("VerifyCall"::equals).count();
        assertThat(verifications).isGreaterThanOrEqualTo(2);
        assertThat(healthRequests.get()).isEqualTo(2 + (int) (verifications - 1));
        assertThat(running.log().lines().filter(l -> l.contains("passed verification")))
                .hasSize(2);
    }

    @Test
    void aSafeRestartGoesAheadWhileTheBakeWindowWaitsBetweenHealthChecks() throws Exception {
        // CpsFlowExecution#blocksRestart (workflow-cps 4350.vcc65d4958821 l.1077-1096) asks each running step;
        // SynchronousNonBlockingStepExecution#blocksRestart (workflow-step-api l.89-91) would say true throughout.
        Bake bake = new Bake("600s");
        bake.setInterval("300s");
        var staging = scenario.environments.get(0);
        staging.setUrl("http://127.0.0.{slot}:" + server.getAddress().getPort());
        staging.setChecks(List.of(new Check("health")));
        staging.setBake(bake);
        scenario.reconfigure();

        Scenario.Running running = scenario.start(PromoteTagStepTest.promote("v1.0.0", "staging", 1));
        StopAndSecretsTest.waitFor(() -> running.log().contains("Bake window: watching"));
        StopAndSecretsTest.waitFor(() -> !running.execution().blocksRestart());

        assertThat(running.context().isReady()).isFalse();
        Exception cause = new InterruptedException("aborted by a user");
        running.execution().stop(cause);
        org.assertj.core.api.Assertions.assertThatThrownBy(running::await).isSameAs(cause);
    }
}
