package io.jenkins.plugins.releasepromotion.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import hudson.AbortException;
import hudson.Launcher;
import io.jenkins.plugins.releasepromotion.config.Check;
import io.jenkins.plugins.releasepromotion.config.Environment;
import io.jenkins.plugins.releasepromotion.config.ScriptDeploy;
import io.jenkins.plugins.releasepromotion.config.SshDeploy;
import io.jenkins.plugins.releasepromotion.engine.config.ConfigLoader;
import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig;
import io.jenkins.plugins.releasepromotion.engine.usecase.HttpLive;
import io.jenkins.plugins.releasepromotion.engine.verify.SelfSigned;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Where each part of a step's work runs: requests to an environment go from the agent, with the agent's CA file; the
 * commands of a script deploy and of its checks start through the build's launcher, with the build's environment.
 */
class WhereWorkRunsTest extends ScenarioTest {
    static {
        // Headers and body go out in two writes; without this, each answer waits on a delayed acknowledgement.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    @Test
    void theLiveVersionGateAndReleaseStatusAskStagingFromTheAgentWithItsCaFile() throws Exception {
        SelfSigned certificate = SelfSigned.create(Files.createDirectories(dir.resolve("tls")));
        // The CA file is the agent's: it exists only while work sent to the agent runs.
        Path caFile = dir.resolve("agent-ca.pem");
        scenario.channel.agentFiles.put(caFile, Files.readString(certificate.pem));
        AtomicReference<String> version = new AtomicReference<>("{}");
        HttpsServer staging = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        staging.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()));
        staging.createContext("/", exchange -> {
            byte[] body = version.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        staging.start();
        try {
            Environment env = scenario.environments.get(0);
            env.setUrl("https://127.0.0.1:" + staging.getAddress().getPort() + "/slot-{slot}");
            env.setCaFile(caFile.toString());
            scenario.environments.get(1).getGates().setLiveVersion("require");
            scenario.reconfigure();
            Map<?, ?> onStaging = (Map<?, ?>) scenario.start(PromoteTagStepTest.promote("v1.0.0", "staging", 1))
                    .await();
            version.set("{\"branch\":\"v1.0.0\",\"commit_sha\":\"" + onStaging.get("commit") + "\"}");
            scenario.channel.calls.clear();

            Scenario.Running production = scenario.start(PromoteTagStepTest.promote("v1.0.0", "production", null));

            assertThat(((Map<?, ?>) production.await()).get("outcome")).isEqualTo("SUCCEEDED");
            assertThat(scenario.channel.calls).contains("LiveCall");
            // From the controller, the same request finds no CA file: it could not have been sent from there.
            EnvironmentConfig seen = ConfigLoader.parse(scenario.config.toYaml(), "test")
                    .environment("staging")
                    .orElseThrow();
            assertThat(new HttpLive(Duration.ofSeconds(5)).read(seen, 1).error())
                    .contains("agent-ca.pem");

            scenario.channel.calls.clear();
            Scenario.Running status = scenario.start(new ReleaseStatusStep());
            List<?> rows = (List<?>) status.await();
            assertThat(((Map<?, ?>) rows.get(0)).get("liveTag")).isEqualTo("v1.0.0");
            assertThat(status.log()).contains("[release-promotion] staging slot 1: v1.0.0 (reports v1.0.0)");
            assertThat(scenario.channel.calls).contains("LiveCall").doesNotContain("GitCall");
        } finally {
            staging.stop(0);
        }
    }

    // The controller only checks that the credential exists and is an SSH key (CredentialsProvider#findCredentialById,
    // then the type); the key's text crosses to the agent as it is stored, and is read there.
    @Test
    void theSshKeyIsReadOnTheAgentOnlyAndAnUnreadableOneIsOneLineFromThere() throws Exception {
        String key = "-----BEGIN OPENSSH PRIVATE KEY-----\nnot-a-key-canary-0123456789abcdef\n"
                + "-----END OPENSSH PRIVATE KEY-----";
        scenario.credentials.sshKey("deploy-key", "deploy", key, null);
        SshDeploy ssh = new SshDeploy("127.0.0.1", "deploy", "deploy-key", "/srv/app");
        ssh.setKnownHosts("127.0.0.1 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKp9j3i7nMXihaMSB7M0vRDBhqqWVF7Vq9ivEdE/ZoQB");
        Environment staging = new Environment("staging", ssh);
        staging.setKind("staging");
        staging.setSlots(2);
        scenario.environments.set(0, staging);
        scenario.reconfigure();

        Scenario.Running running = scenario.start(PromoteTagStepTest.promote("v1.0.0", "staging", 1));

        assertThatThrownBy(running::await)
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("The private key of credential 'deploy-key' cannot be read")
                .hasMessageNotContaining("not-a-key-canary")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(scenario.channel.calls).contains("CommandCall");
        assertThat(running.log()).doesNotContain("not-a-key-canary");
    }

    @Test
    void scriptDeploysAndTheirChecksRunThroughTheBuildsLauncherWithItsEnvironment() throws Exception {
        scenario.launcher = listener -> new AgentLauncherTest.InContainer(new Launcher.LocalLauncher(listener));
        scenario.buildEnvironment.put("REGION", "eu-west-1");
        Environment staging = new Environment(
                "staging",
                new ScriptDeploy(List.of(
                        "sh",
                        "-c",
                        "echo deploying $RELEASE_TAG in=$IN_CONTAINER region=$REGION;"
                                + " echo $RELEASE_TAG > deployed-$RELEASE_ENVIRONMENT.txt")));
        staging.setKind("staging");
        staging.setSlots(2);
        Check logs = new Check("logs");
        logs.setCommand(List.of("sh", "-c", "echo checked in=$IN_CONTAINER; cat deployed-staging.txt"));
        logs.setFailurePatterns(List.of("in=$"));
        staging.setChecks(List.of(logs));
        scenario.environments.set(0, staging);
        scenario.reconfigure();

        Scenario.Running running = scenario.start(PromoteTagStepTest.promote("v1.0.0", "staging", 1));

        assertThat(((Map<?, ?>) running.await()).get("outcome")).isEqualTo("SUCCEEDED");
        assertThat(running.log()).contains("[release-promotion] deploying v1.0.0 in=yes region=eu-west-1");
        assertThat(running.build()
                        .getAction(io.jenkins.plugins.releasepromotion.action.ReleaseAction.class)
                        .getChecks())
                .singleElement()
                .satisfies(c -> assertThat(c.outcome().name()).isEqualTo("PASSED"));
        assertThat(scenario.channel.calls).contains("back:AgentCommands.run").doesNotContain("CommandCall");
    }
}
