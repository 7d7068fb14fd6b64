package io.jenkins.plugins.releasepromotion.engine.usecase;

import io.jenkins.plugins.releasepromotion.engine.config.CheckConfig;
import io.jenkins.plugins.releasepromotion.engine.config.DeployConfig;
import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig;
import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentKind;
import io.jenkins.plugins.releasepromotion.engine.config.GatesConfig;
import io.jenkins.plugins.releasepromotion.engine.config.ReleaseConfig;
import io.jenkins.plugins.releasepromotion.engine.config.ScriptDeployConfig;
import io.jenkins.plugins.releasepromotion.engine.deploy.script.ScriptDeployMethod;
import io.jenkins.plugins.releasepromotion.engine.git.GitFacts;
import io.jenkins.plugins.releasepromotion.engine.git.TestRepo;
import io.jenkins.plugins.releasepromotion.engine.ledger.JsonLinesLedger;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.ledger.RecordKind;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import io.jenkins.plugins.releasepromotion.engine.model.TagPattern;
import io.jenkins.plugins.releasepromotion.engine.port.Credentials;
import io.jenkins.plugins.releasepromotion.engine.port.Secrets;
import io.jenkins.plugins.releasepromotion.engine.verify.Sleeper;
import io.jenkins.plugins.releasepromotion.sample.LoopbackPorts;
import io.jenkins.plugins.releasepromotion.sample.SampleApp;
import io.jenkins.plugins.releasepromotion.sample.SampleConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.api.Git;

/**
 * A staging environment of many slots, each a sample app in this process behind {@code http://127.0.0.{slot}:PORT}
 * (every 127.x address is loopback on Linux, so the slots share one port number), a repository with the releases
 * v1.0.0 and v1.1.0, and a ledger on disk. Checkouts: {@code v1.0.0}, {@code v1.1.0}, and {@code hanging} (v1.1.0
 * whose health and version never answer).
 */
public final class SampleSlots implements AutoCloseable {
    public static final String ENVIRONMENT = "staging";

    private final Path root;
    private final int port;
    private final GitFacts git;
    private final JsonLinesLedger ledger;
    private final ReleaseConfig config;
    private final Credentials credentials;
    private final Map<Integer, SampleApp> apps = new ConcurrentHashMap<>();

    private SampleSlots(Path root, int slots, List<CheckConfig> checks, Credentials credentials) throws IOException {
        this.root = root;
        this.port = LoopbackPorts.free();
        this.git = GitFacts.open(root.resolve("origin"), TagPattern.defaultPattern());
        this.ledger = new JsonLinesLedger(root.resolve("ledger"));
        this.credentials = credentials;
        EnvironmentConfig staging = new EnvironmentConfig(
                ENVIRONMENT,
                EnvironmentKind.STAGING,
                slots,
                "http://127.0.0.{slot}:" + port,
                null,
                new DeployConfig(new ScriptDeployConfig(List.of("true"), null, Duration.ofMinutes(1)), null),
                checks,
                GatesConfig.NONE,
                null,
                null);
        this.config = new ReleaseConfig(null, "main", null, List.of(staging));
    }

    /** The repository and checkouts under {@code root}; no app runs yet. */
    public static SampleSlots create(Path root, int slots, List<CheckConfig> checks, Credentials credentials)
            throws Exception {
        try (TestRepo repo = TestRepo.init(root.resolve("origin"))) {
            for (String tag : List.of("v1.0.0", "v1.1.0")) {
                repo.write(
                        "CHANGELOG.md", "# Changelog\n\n## [" + tag.substring(1) + "] - 2026-11-20\n\n- " + tag + "\n");
                repo.commit("Release " + tag);
                repo.tag(tag);
            }
        }
        checkout(root, "v1.0.0", "v1.0.0");
        checkout(root, "v1.1.0", "v1.1.0");
        checkout(root, "hanging", "v1.1.0");
        Files.writeString(root.resolve("hanging/faults.json"), "{\"hang\": true}\n");
        return new SampleSlots(root, slots, checks, credentials);
    }

    private static void checkout(Path root, String name, String tag) throws Exception {
        try (Git clone = Git.cloneRepository()
                .setURI(root.resolve("origin").toUri().toString())
                .setDirectory(root.resolve(name).toFile())
                .call()) {
            clone.checkout().setName(tag).call();
        }
    }

    /** Starts the app of {@code slot} on the checkout named. */
    public void serve(int slot, String checkout) throws IOException {
        SampleConfig app = new SampleConfig(
                root.resolve(checkout),
                port,
                ENVIRONMENT,
                slot,
                SampleConfig.DEFAULT_USERNAME,
                SampleConfig.DEFAULT_PASSWORD);
        apps.put(slot, SampleApp.start(app, InetAddress.getByName("127.0.0." + slot)));
    }

    /** Records a good deployment of {@code tag} on {@code slot}, as a promotion does. */
    public void deployed(int slot, String tag) {
        Instant now = Instant.now();
        ledger.append(LedgerRecord.started(
                        RecordKind.DEPLOYMENT,
                        ENVIRONMENT,
                        slot,
                        tag,
                        git.resolveTag(tag).commit(),
                        "ci",
                        now)
                .finish(Outcome.SUCCEEDED, now));
    }

    public Engine engine() {
        return new Engine(
                config,
                git,
                ledger,
                env -> new ScriptDeployMethod(env.deploy().script(), root, Secrets.none()),
                VerificationStep.using(credentials, Clock.systemUTC(), Sleeper.real(), Secrets.none()),
                null,
                Clock.systemUTC(),
                null);
    }

    public JsonLinesLedger ledger() {
        return ledger;
    }

    public String commit(String tag) {
        return git.resolveTag(tag).commit();
    }

    @Override
    public void close() {
        apps.values().forEach(SampleApp::close);
        git.close();
    }
}
