package io.jenkins.plugins.releasepromotion.steps;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Cause;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.releasepromotion.action.ReleaseAction;
import io.jenkins.plugins.releasepromotion.config.ConfiguredLedger;
import io.jenkins.plugins.releasepromotion.config.ReleasePromotionConfiguration;
import io.jenkins.plugins.releasepromotion.engine.config.ConfigException;
import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig;
import io.jenkins.plugins.releasepromotion.engine.config.ReleaseConfig;
import io.jenkins.plugins.releasepromotion.engine.ledger.Ledger;
import io.jenkins.plugins.releasepromotion.engine.port.CredentialsException;
import io.jenkins.plugins.releasepromotion.engine.port.LogSink;
import io.jenkins.plugins.releasepromotion.engine.port.Secrets;
import io.jenkins.plugins.releasepromotion.engine.usecase.Engine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Set;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * One step's run, from the Jenkins side: the build, its log and workspace, the global configuration read by the
 * engine's rules, the environment's credentials, and the engine built from them. Gates and the ledger stay here on
 * the controller; git, deploy and verification work goes to the agent that holds the workspace.
 */
final class StepRun implements AutoCloseable {
    private final Run<?, ?> run;
    private final TaskListener listener;
    private final FilePath workspace;
    private final Launcher launcher;
    private final EnvVars environment;
    private final ReleasePromotionConfiguration global;
    private final ReleaseConfig config;
    private final WorkerExecution<?> execution;
    private final FlowNode node;
    private Secrets secrets = Secrets.none();
    private ConfiguredLedger ledger;

    private StepRun(
            Run<?, ?> run,
            TaskListener listener,
            FilePath workspace,
            Launcher launcher,
            EnvVars environment,
            ReleasePromotionConfiguration global,
            ReleaseConfig config,
            WorkerExecution<?> execution,
            FlowNode node) {
        this.run = run;
        this.listener = listener;
        this.workspace = workspace;
        this.launcher = launcher;
        this.environment = environment;
        this.global = global;
        this.config = config;
        this.execution = execution;
        this.node = node;
    }

    /** @throws AbortException when the global configuration does not pass the engine's rules */
    static StepRun of(StepContext context, WorkerExecution<?> execution) throws IOException, InterruptedException {
        ReleasePromotionConfiguration global = ReleasePromotionConfiguration.get();
        ReleaseConfig config;
        try {
            config = global.toReleaseConfig();
        } catch (ConfigException e) {
            throw ConsoleLog.abort(e.getMessage());
        }
        return new StepRun(
                context.get(Run.class),
                context.get(TaskListener.class),
                context.get(FilePath.class),
                context.get(Launcher.class),
                context.get(EnvVars.class),
                global,
                config,
                execution,
                context.get(FlowNode.class));
    }

    ReleaseConfig config() {
        return config;
    }

    Run<?, ?> run() {
        return run;
    }

    /**
     * The step's own node in the build's flow graph: what ran before it are its ancestors. DefaultStepContext#get
     * (workflow-support 1015.v785e5a_b_b_8b_22 l.78-87) answers it for every Pipeline step; {@code null} elsewhere.
     */
    FlowNode node() {
        return node;
    }

    /**
     * The build log, masked with every secret the operation has looked up so far; silent once the step has ended.
     */
    LogSink log() {
        ConsoleLog console = new ConsoleLog(listener, secrets);
        return text -> {
            try {
                execution.write(() -> console.line(text));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** Shows the operation on the build page, unless the step has already ended. */
    void attach(ReleaseAction action) throws IOException {
        execution.write(() -> ReleaseAction.attach(run, action));
    }

    String mask(String text) {
        return secrets.mask(text);
    }

    /**
     * The configured ledger, opened on first use and kept for the rest of the run.
     *
     * @throws AbortException when the shared ledger cannot be reached or refuses, or its credential is missing
     */
    Ledger ledger() throws AbortException {
        if (ledger == null) {
            ledger = Aborts.guard(
                    this, () -> ConfiguredLedger.open(global, run, line -> log().line("WARNING: " + line)));
        }
        return ledger.ledger();
    }

    /** Closes the shared ledger's connections, once the step's work has ended. */
    @Override
    public void close() {
        if (ledger != null) {
            ledger.close();
        }
    }

    /**
     * Who asks, as the ledger records it and the approval gate compares with the approver: the user who started the
     * build, else the build itself (started by a timer, an upstream job or a push).
     */
    String actor() {
        Cause.UserIdCause user = run.getCause(Cause.UserIdCause.class);
        return user != null && user.getUserId() != null ? user.getUserId() : run.getExternalizableId();
    }

    String buildUrl() {
        return run.getUrl();
    }

    /**
     * The engine for work on one environment: its credentials are looked up and checked first.
     *
     * @throws AbortException when the environment is unknown or a credential is missing or of the wrong type
     */
    Engine engine(String environment) throws AbortException {
        EnvironmentConfig env = config.environment(environment)
                .orElseThrow(
                        () -> ConsoleLog.abort(Messages.StepRun_UnknownEnvironment(environment, environmentNames())));
        if (workspace == null) {
            throw ConsoleLog.abort(Messages.StepRun_NoWorkspace());
        }
        CredentialSnapshot credentials;
        try {
            credentials = new JenkinsCredentials(run).snapshot(env);
        } catch (CredentialsException e) {
            throw ConsoleLog.abort(e.getMessage());
        }
        secrets = credentials.secrets();
        Agent agent = new Agent(workspace);
        AgentLauncher processes = new AgentLauncher(launcher, this.environment, workspace, secrets);
        AgentCommands commands = AgentCommands.reachableFrom(workspace, AgentCommands.of(processes));
        AgentWork work = new AgentWork(global.toYaml(), env.name(), credentials, listener, commands);
        return new Engine(
                config,
                new AgentGit(agent, config.tagPattern()),
                ledger(),
                new AgentDeployMethods(agent, work, processes),
                new AgentVerification(agent, work),
                new AgentLive(agent, global.toYaml()),
                Clock.systemUTC(),
                execution.bakeWait());
    }

    /** Reads what slots report from the agent of the enclosing {@code node}; none outside one. */
    AgentLive live() {
        return workspace == null ? null : new AgentLive(new Agent(workspace), global.toYaml());
    }

    String environmentNames() {
        return String.join(
                ", ",
                config.environments().stream().map(EnvironmentConfig::name).toList());
    }

    /** The approver's user ID and the groups Jenkins' security realm knows for them. */
    Set<String> approverIdentities(String approvedBy) {
        return ApproverIdentities.of(approvedBy, log());
    }
}
