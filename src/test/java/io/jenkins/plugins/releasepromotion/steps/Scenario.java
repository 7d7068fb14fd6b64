package io.jenkins.plugins.releasepromotion.steps;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.TestUsers;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.releasepromotion.config.Check;
import io.jenkins.plugins.releasepromotion.config.Environment;
import io.jenkins.plugins.releasepromotion.config.Gates;
import io.jenkins.plugins.releasepromotion.config.ReleasePromotionConfiguration;
import io.jenkins.plugins.releasepromotion.config.ScriptDeploy;
import io.jenkins.plugins.releasepromotion.engine.git.TestRepo;
import io.jenkins.plugins.releasepromotion.engine.ledger.JsonLinesLedger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.TestJenkins;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.springframework.security.core.Authentication;

/**
 * A controller with the plugin's global configuration (staging with two slots, production promoted from it, both
 * deployed by a script in the workspace and verified by a logs check), a workspace on an agent reached through a
 * serializing channel, a repository with the release tags v1.0.0 and v1.1.0, and a ledger on disk.
 */
final class Scenario implements AutoCloseable {
    final Path root;
    final Path workspace;
    final Path ledgerDir;
    final TestJenkins jenkins;
    final TestCredentials credentials = new TestCredentials();
    final ReleasePromotionConfiguration config = new ReleasePromotionConfiguration();
    final TestChannel channel = new TestChannel();
    final TestRepo repo;
    final List<Environment> environments = new ArrayList<>();
    /**
     * Who the build runs as. Without Authorize Project a build runs as SYSTEM: CpsFlowExecution#getAuthentication2
     * (workflow-cps 4350.vcc65d4958821 l.1708-1711) answers SYSTEM2 when no user was recorded, and
     * CpsVmExecutorService#setUp (l.177) makes it the CPS VM thread's identity, which the step's start() runs on.
     */
    Authentication buildIdentity = ACL.SYSTEM2;
    /** The launcher of the build's {@code node}; a test may decorate it as {@code container} would. */
    java.util.function.Function<TaskListener, Launcher> launcher = Launcher.LocalLauncher::new;
    /** The build's environment as {@code withEnv} leaves it. */
    final java.util.Map<String, String> buildEnvironment = new java.util.HashMap<>();
    /** The flow graph of the builds: each step started gets the next node, after the inputs answered so far. */
    final TestFlow flow = new TestFlow();

    private int builds;

    Scenario(Path root) throws Exception {
        this.root = root;
        this.workspace = root.resolve("workspace");
        this.ledgerDir = root.resolve("ledger");
        this.repo = TestRepo.init(workspace);
        release("1.0.0", "First release");
        release("1.1.0", "Second release");
        environments.add(environment("staging", "staging", 2, null));
        Gates gates = new Gates();
        gates.setPromotesFrom("staging");
        gates.setLiveVersion("off");
        environments.add(environment("production", "production", 0, gates));
        config.setLedgerDirectory(ledgerDir.toString());
        config.setEnvironments(environments);
        this.jenkins = TestJenkins.install(root.resolve("jenkins").toFile())
                .register(ReleasePromotionConfiguration.class, config)
                .register(com.cloudbees.plugins.credentials.CredentialsProvider.class, credentials);
    }

    private void release(String version, String note) throws Exception {
        repo.write("CHANGELOG.md", "# Changelog\n\n## [" + version + "] - 2026-11-20\n\n### Added\n- " + note + "\n");
        repo.write(".gitignore", "deployed-*.txt\n");
        repo.commit("Release " + version);
        repo.tag("v" + version);
    }

    static Environment environment(String name, String kind, int slots, Gates gates) {
        ScriptDeploy deploy = new ScriptDeploy(List.of(
                "sh", "-c", "echo deploying $RELEASE_TAG; echo $RELEASE_TAG > deployed-$RELEASE_ENVIRONMENT.txt"));
        Environment env = new Environment(name, deploy);
        env.setKind(kind);
        env.setSlots(slots == 0 ? null : slots);
        Check logs = new Check("logs");
        logs.setCommand(List.of("cat", "deployed-" + name + ".txt"));
        logs.setFailurePatterns(List.of("ERROR"));
        env.setChecks(List.of(logs));
        env.setGates(gates);
        return env;
    }

    /** Applies a change to the environments, as the global configuration page would. */
    void reconfigure() {
        config.setEnvironments(environments);
    }

    JsonLinesLedger ledger() {
        return new JsonLinesLedger(ledgerDir);
    }

    /** A build of the job {@code app} running the step in the workspace. */
    Running start(Step step) throws Exception {
        return start(step, null);
    }

    /** The same, for a build started by a user. */
    Running start(Step step, hudson.model.Cause cause) throws Exception {
        TestBuild build = new TestBuild("app", ++builds);
        if (cause != null) {
            build.addAction(new hudson.model.CauseAction(cause));
        }
        TestListener listener = new TestListener();
        TestContext context = new TestContext()
                .with(Run.class, build)
                .with(TaskListener.class, listener)
                .with(FilePath.class, new FilePath(channel, workspace.toString()))
                .with(Launcher.class, launcher.apply(listener))
                .with(EnvVars.class, new EnvVars(buildEnvironment))
                .with(org.jenkinsci.plugins.workflow.graph.FlowNode.class, flow.step());
        return started(build, listener, context, step);
    }

    private Running started(TestBuild build, TestListener listener, TestContext context, Step step) throws Exception {
        var execution = step.start(context);
        try (ACLContext ignored = ACL.as2(buildIdentity)) {
            execution.start();
        }
        return new Running(build, listener, context, execution);
    }

    /** A build running the step on the controller, outside any {@code node}. */
    Running startWithoutWorkspace(Step step) throws Exception {
        TestBuild build = new TestBuild("app", ++builds);
        TestListener listener = new TestListener();
        TestContext context = new TestContext().with(Run.class, build).with(TaskListener.class, listener);
        return started(build, listener, context, step);
    }

    @Override
    public void close() {
        repo.close();
        TestJenkins.uninstall();
        TestUsers.forget();
    }

    record Running(
            TestBuild build,
            TestListener listener,
            TestContext context,
            org.jenkinsci.plugins.workflow.steps.StepExecution execution) {

        Object await() throws Exception {
            try {
                return context.result();
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof Exception cause) {
                    throw cause;
                }
                throw e;
            }
        }

        String log() {
            return listener.text();
        }
    }
}
