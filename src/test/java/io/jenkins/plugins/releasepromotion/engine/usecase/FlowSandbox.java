package io.jenkins.plugins.releasepromotion.engine.usecase;

import io.jenkins.plugins.releasepromotion.engine.config.BakeConfig;
import io.jenkins.plugins.releasepromotion.engine.config.CheckBuilder;
import io.jenkins.plugins.releasepromotion.engine.config.CheckConfig;
import io.jenkins.plugins.releasepromotion.engine.config.CheckType;
import io.jenkins.plugins.releasepromotion.engine.config.DeployConfig;
import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig;
import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentKind;
import io.jenkins.plugins.releasepromotion.engine.config.GatesConfig;
import io.jenkins.plugins.releasepromotion.engine.config.LiveVersionMode;
import io.jenkins.plugins.releasepromotion.engine.config.ReleaseConfig;
import io.jenkins.plugins.releasepromotion.engine.config.ScriptDeployConfig;
import io.jenkins.plugins.releasepromotion.engine.deploy.script.ScriptDeployMethod;
import io.jenkins.plugins.releasepromotion.engine.deploy.script.Scripts;
import io.jenkins.plugins.releasepromotion.engine.git.GitFacts;
import io.jenkins.plugins.releasepromotion.engine.git.TestRepo;
import io.jenkins.plugins.releasepromotion.engine.ledger.JsonLinesLedger;
import io.jenkins.plugins.releasepromotion.engine.model.TagPattern;
import io.jenkins.plugins.releasepromotion.engine.port.Credentials;
import io.jenkins.plugins.releasepromotion.engine.port.Secrets;
import io.jenkins.plugins.releasepromotion.engine.verify.Sleeper;
import io.jenkins.plugins.releasepromotion.sample.LoopbackPorts;
import io.jenkins.plugins.releasepromotion.sample.SampleDeployScript;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.transport.TagOpt;

/**
 * The whole flow on real parts: an origin repository with releases, a workspace clone, two staging slots and production
 * each a deployment directory where the deploy script checks out the tag and restarts the sample app as its own
 * process, real checks over HTTP and a ledger on disk.
 *
 * <p>Releases: v1.0.0 and v1.1.0 on main; v1.2.0 on main carries a {@code faults.json} that makes its health flap (a
 * bad release that passes a first check); v1.1.1 is a hotfix branched from v1.1.0.
 */
final class FlowSandbox implements AutoCloseable {
    final Path root;
    final Path origin;
    final Path workspace;
    final int stagingPortPrefix;
    final int productionPort;
    final JsonLinesLedger ledger;
    final GitFacts git;
    final ReleaseConfig config;
    final List<String> log = Scripts.lines();
    private final Path script;

    FlowSandbox(Path root) throws Exception {
        this.root = root;
        this.origin = root.resolve("origin");
        this.workspace = root.resolve("workspace");
        createOrigin();
        clone(workspace);
        for (String dir : List.of("staging-1", "staging-2", "production")) {
            clone(root.resolve(dir));
        }
        this.stagingPortPrefix = LoopbackPorts.freePrefixForTwoSlots();
        this.productionPort = LoopbackPorts.free();
        this.ledger = new JsonLinesLedger(root.resolve("ledger"));
        this.git = GitFacts.open(workspace, TagPattern.defaultPattern());
        this.script = SampleDeployScript.extractTo(root.resolve("scripts"));
        this.config = config(script, 30);
    }

    Engine engine() {
        return engine(config);
    }

    /** The same, with the deploy script waiting at most {@code seconds} for the app to listen. */
    Engine engineWithStartTimeout(int seconds) {
        return engine(config(script, seconds));
    }

    private Engine engine(ReleaseConfig config) {
        return new Engine(
                config,
                git,
                ledger,
                env -> new ScriptDeployMethod(env.deploy().script(), workspace, Secrets.none()),
                VerificationStep.using(Credentials.none(), Clock.systemUTC(), Sleeper.real(), Secrets.none()),
                new HttpLive(Duration.ofSeconds(5)),
                Clock.systemUTC(),
                null);
    }

    private void createOrigin() throws Exception {
        try (TestRepo repo = TestRepo.init(origin)) {
            release(repo, "v1.0.0", "- First release\n");
            release(repo, "v1.1.0", "- Campaigns\n");
            repo.branchFrom("hotfix/critical-bug-fix", "v1.1.0");
            release(repo, "v1.1.1", "- Critical bug fix\n");
            repo.checkout("main");
            repo.write("faults.json", "{\"flappingHealth\": true}\n");
            release(repo, "v1.2.0", "- Scheduling (flaky)\n");
        }
    }

    private static void release(TestRepo repo, String tag, String notes) throws Exception {
        String version = tag.substring(1);
        Path changelog = repo.dir().resolve("CHANGELOG.md");
        String old = Files.exists(changelog) ? Files.readString(changelog).replace("# Changelog\n\n", "") : "";
        repo.write(
                "CHANGELOG.md", "# Changelog\n\n## [" + version + "] - 2026-11-20\n\n### Added\n" + notes + "\n" + old);
        repo.write("app.txt", "release " + tag + "\n");
        repo.commit("Release " + tag);
        repo.tag(tag);
    }

    private void clone(Path dir) throws Exception {
        try (Git git = Git.cloneRepository()
                .setURI(origin.toUri().toString())
                .setDirectory(dir.toFile())
                .call()) {
            git.fetch().setRemote("origin").setTagOpt(TagOpt.FETCH_TAGS).call();
        }
    }

    private ReleaseConfig config(Path script, int startTimeout) {
        List<CheckConfig> checks = List.of(check(CheckType.HEALTH), check(CheckType.VERSION));
        EnvironmentConfig staging = new EnvironmentConfig(
                "staging",
                EnvironmentKind.STAGING,
                2,
                "http://127.0.0.1:" + stagingPortPrefix + "{slot}",
                null,
                deploy(script, root.resolve("staging-{slot}"), stagingPortPrefix + "{slot}", startTimeout),
                checks,
                GatesConfig.NONE,
                null,
                null);
        EnvironmentConfig production = new EnvironmentConfig(
                "production",
                EnvironmentKind.PRODUCTION,
                0,
                "http://127.0.0.1:" + productionPort,
                null,
                deploy(script, root.resolve("production"), Integer.toString(productionPort), startTimeout),
                checks,
                new GatesConfig("staging", Duration.ofDays(1), LiveVersionMode.REQUIRE, null, null, null, 1, null),
                null,
                null,
                new BakeConfig(Duration.ofSeconds(2), Duration.ofMillis(500)));
        return new ReleaseConfig(null, "main", null, List.of(staging, production));
    }

    private static DeployConfig deploy(Path script, Path dir, String port, int startTimeout) {
        List<String> argv = new ArrayList<>(List.of("env"));
        SampleDeployScript.environment().forEach((k, v) -> argv.add(k + "=" + v));
        argv.add("SAMPLE_START_TIMEOUT=" + startTimeout);
        argv.addAll(List.of("GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null", "GIT_TERMINAL_PROMPT=0"));
        argv.addAll(List.of(script.toString(), dir.toString(), "{tag}", port));
        return new DeployConfig(new ScriptDeployConfig(argv, null, Duration.ofMinutes(2)), null);
    }

    private static CheckConfig check(CheckType type) {
        return CheckBuilder.of(type)
                .retries(4)
                .backoff(Duration.ofMillis(200))
                .consecutive(1)
                .build();
    }

    /** Stops every sample app this sandbox started and waits until each is gone. */
    @Override
    public void close() {
        git.close();
        for (String dir : List.of("staging-1", "staging-2", "production")) {
            Path pidFile = root.resolve(dir).resolve(".sample/app.pid");
            if (Files.exists(pidFile)) {
                long pid = Scripts.pidIn(pidFile);
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
                Scripts.await("sample app " + pid + " to stop", Duration.ofSeconds(30), () -> !Scripts.alive(pid));
            }
        }
    }
}
