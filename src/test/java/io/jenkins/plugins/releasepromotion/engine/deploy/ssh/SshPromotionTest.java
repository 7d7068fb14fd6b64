package io.jenkins.plugins.releasepromotion.engine.deploy.ssh;

import static io.jenkins.plugins.releasepromotion.engine.deploy.ssh.TestSshServer.HOST;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.releasepromotion.engine.config.CheckBuilder;
import io.jenkins.plugins.releasepromotion.engine.config.CheckConfig;
import io.jenkins.plugins.releasepromotion.engine.config.CheckType;
import io.jenkins.plugins.releasepromotion.engine.config.DeployConfig;
import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig;
import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentKind;
import io.jenkins.plugins.releasepromotion.engine.config.GatesConfig;
import io.jenkins.plugins.releasepromotion.engine.config.ReleaseConfig;
import io.jenkins.plugins.releasepromotion.engine.config.SshDeployConfig;
import io.jenkins.plugins.releasepromotion.engine.gate.PromotionRequest;
import io.jenkins.plugins.releasepromotion.engine.git.GitFacts;
import io.jenkins.plugins.releasepromotion.engine.git.TestRepo;
import io.jenkins.plugins.releasepromotion.engine.ledger.JsonLinesLedger;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import io.jenkins.plugins.releasepromotion.engine.model.TagPattern;
import io.jenkins.plugins.releasepromotion.engine.port.Credentials;
import io.jenkins.plugins.releasepromotion.engine.port.Secrets;
import io.jenkins.plugins.releasepromotion.engine.usecase.Engine;
import io.jenkins.plugins.releasepromotion.engine.usecase.PromoteRequest;
import io.jenkins.plugins.releasepromotion.engine.usecase.Promotion;
import io.jenkins.plugins.releasepromotion.engine.usecase.PromotionResult;
import io.jenkins.plugins.releasepromotion.engine.usecase.VerificationStep;
import io.jenkins.plugins.releasepromotion.engine.verify.Sleeper;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A promotion to production over SSH, against both servers: the deploy lands, and each connection fault ends as
 * DEPLOY_FAILED with one clear line and a consistent ledger, the passphrase never shown.
 */
class SshPromotionTest extends SshDeployContract {
    @TempDir
    Path flow;

    private Path origin;
    private Path remote;
    private String commit;
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private List<CheckConfig> checks = List.of();

    @BeforeEach
    void repositories() throws Exception {
        origin = flow.resolve("origin");
        try (TestRepo repo = TestRepo.init(origin)) {
            repo.write("CHANGELOG.md", "# Changelog\n\n## [1.0.0] - 2026-11-20\n\n### Added\n- First\n");
            commit = repo.commit("Release v1.0.0").getName();
            repo.tag("v1.0.0");
        }
        remote = flow.resolve("production/job-search-project");
        Git.cloneRepository()
                .setURI(origin.toUri().toString())
                .setDirectory(remote.toFile())
                .call()
                .close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void promotesOverSshAndRecordsIt(TestSshServer server) throws Exception {
        PromotionResult result = promote(
                ssh(server.port(), server.hostKey().knownHostsLine(HOST, server.port())), credentials(userKey, KEY_ID));
        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(Files.readString(remote.resolve(".deployed"), StandardCharsets.UTF_8)
                        .trim())
                .isEqualTo(commit);
        assertThat(lines).anyMatch(l -> l.contains("deployed v1.0.0 to production"));
        assertNoCanary(result);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void theLogsCheckRunsOnTheDeployHost(TestSshServer server) throws Exception {
        checks = List.of(CheckBuilder.of(CheckType.LOGS)
                .name("no-critical-errors")
                .command("echo", "app | ERROR db timeout")
                .patterns(List.of("\\bERROR\\b"), List.of())
                .build());
        PromotionResult result = promote(
                ssh(server.port(), server.hostKey().knownHostsLine(HOST, server.port())), credentials(userKey, KEY_ID));
        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.VERIFY_FAILED);
        assertThat(result.message()).contains("no-critical-errors").contains("ERROR db timeout");
        assertNoCanary(result);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void checkCommandsRunInTheDeployDirectory(TestSshServer server) throws Exception {
        Files.writeString(remote.resolve("app.log"), "worker | FATAL out of memory\n");
        checks = List.of(CheckBuilder.of(CheckType.LOGS)
                .name("no-critical-errors")
                .command("cat", "app.log")
                .patterns(List.of("\\bFATAL\\b"), List.of())
                .build());
        PromotionResult result = promote(
                ssh(server.port(), server.hostKey().knownHostsLine(HOST, server.port())), credentials(userKey, KEY_ID));
        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.VERIFY_FAILED);
        assertThat(result.message()).contains("FATAL out of memory");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aHostKeyMismatchIsADeployFailure(TestSshServer server) throws Exception {
        PromotionResult result = promote(
                ssh(server.port(), strangerKey.knownHostsLine(HOST, server.port())), credentials(userKey, KEY_ID));
        assertFailed(result, "the configuration pins " + strangerKey.fingerprint());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aKeyTheServerRefusesIsADeployFailure(TestSshServer server) throws Exception {
        PromotionResult result = promote(
                ssh(server.port(), server.hostKey().knownHostsLine(HOST, server.port())),
                credentials(strangerKey, KEY_ID));
        assertFailed(result, "refused the key of credential 'deploy-key'");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aClosedPortIsADeployFailure(TestSshServer server) throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        PromotionResult result =
                promote(ssh(closed, server.hostKey().knownHostsLine(HOST, closed)), credentials(userKey, KEY_ID));
        assertFailed(result, "the connection was refused");
    }

    private void assertFailed(PromotionResult result, String reason) throws Exception {
        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.DEPLOY_FAILED);
        assertThat(result.message()).contains(reason).doesNotContain("\n");
        assertThat(remote.resolve(".deployed")).doesNotExist();
        List<LedgerRecord> records = new JsonLinesLedger(flow.resolve("ledger")).history("production");
        assertThat(records)
                .extracting(r -> r.phase() + " " + r.outcome())
                .containsExactly("STARTED null", "FINISHED DEPLOY_FAILED");
        assertNoCanary(result);
    }

    private void assertNoCanary(PromotionResult result) throws Exception {
        assertThat(String.join("\n", lines)).doesNotContain(CANARY);
        assertThat(result.toString()).doesNotContain(CANARY);
        assertThat(Files.readString(flow.resolve("ledger/production.jsonl"), StandardCharsets.UTF_8))
                .doesNotContain(CANARY);
    }

    private SshDeployConfig ssh(int port, String knownHosts) {
        return new SshDeployConfig(
                HOST,
                port,
                TestSshServer.user(),
                KEY_ID,
                knownHosts,
                null,
                remote.toString(),
                null,
                TEMPLATE,
                Duration.ofSeconds(10),
                Duration.ofSeconds(60));
    }

    private PromotionResult promote(SshDeployConfig ssh, Credentials credentials) {
        EnvironmentConfig production = new EnvironmentConfig(
                "production",
                EnvironmentKind.PRODUCTION,
                0,
                null,
                null,
                new DeployConfig(null, ssh),
                checks,
                GatesConfig.NONE,
                null,
                null);
        ReleaseConfig config = new ReleaseConfig(null, "main", null, List.of(production));
        try (GitFacts git = GitFacts.open(origin, TagPattern.defaultPattern())) {
            Engine engine = new Engine(
                    config,
                    git,
                    new JsonLinesLedger(flow.resolve("ledger")),
                    env -> new SshDeployMethod(
                            env.deploy().ssh(), credentials, Secrets.none().with(CANARY)),
                    VerificationStep.using(Credentials.none(), Clock.systemUTC(), Sleeper.real(), Secrets.none()),
                    null,
                    Clock.systemUTC(),
                    null);
            return new Promotion(engine)
                    .promote(PromoteRequest.of(PromotionRequest.of("v1.0.0", "production", null)), lines::add);
        }
    }
}
