package io.jenkins.plugins.releasepromotion.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Proc;
import io.jenkins.plugins.releasepromotion.engine.deploy.script.Scripts;
import io.jenkins.plugins.releasepromotion.engine.port.Command;
import io.jenkins.plugins.releasepromotion.engine.port.CommandException;
import io.jenkins.plugins.releasepromotion.engine.port.CommandResult;
import io.jenkins.plugins.releasepromotion.engine.port.Secrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands of a script deploy start through the build's launcher, with the build's environment, as {@code sh}
 * does: real processes, started by the launcher Jenkins hands a step.
 */
class AgentLauncherTest {
    private static final Duration GONE_WITHIN = Duration.ofSeconds(10);

    @TempDir
    Path workspace;

    private final TestListener listener = new TestListener();
    private final List<String> lines = Scripts.lines();
    private final List<Long> started = new ArrayList<>();

    @AfterEach
    void nothingIsLeftRunning() {
        for (long pid : started) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private AgentLauncher runner(Launcher launcher, EnvVars environment, Secrets secrets) {
        return new AgentLauncher(launcher, environment, new FilePath(workspace.toFile()), secrets);
    }

    private static Command command(Duration timeout, String... argv) {
        return new Command(List.of(argv), null, Map.of("RELEASE_TAG", "v1.2.3"), timeout);
    }

    // The EnvVars a step gets carry what withEnv and tool installations set
    // (org.jenkinsci.plugins.workflow.support.DefaultStepContext#get, workflow-support 1015.v785e5a_b_b_8b_22
    // line 98-103: EnvironmentExpander.getEffectiveEnvironment); hudson.Launcher.LocalLauncher#launch
    // (jenkins-2.541.3 line 978) lays them over the agent's own environment, and hudson.EnvVars#override (line 145-164)
    // prepends a PATH+NAME entry to PATH. The program itself is looked up on the agent's own PATH (LocalProc starts it
    // with a java.lang.ProcessBuilder, line 220-224); what the script runs is looked up on the build's.
    @Test
    void theBuildsEnvironmentReachesTheScriptWithToolsOnThePath() throws Exception {
        Path tools = Files.createDirectories(workspace.resolve("tools"));
        Scripts.write(tools, "deploy-tool", "echo tool saw $RELEASE_TAG in $REGION");
        EnvVars withEnv = new EnvVars("REGION", "eu-west-1", "PATH+TOOL", tools.toString());

        CommandResult result = runner(new Launcher.LocalLauncher(listener), withEnv, Secrets.none())
                .run(command(Duration.ofMinutes(1), "sh", "-c", "deploy-tool"), lines::add);

        assertThat(result.succeeded()).isTrue();
        assertThat(lines).containsExactly("tool saw v1.2.3 in eu-west-1");
    }

    // container('x') {} and docker.inside hand the step a hudson.Launcher.DecoratedLauncher (jenkins-2.541.3 line
    // 1258-1270) whose launch(ProcStarter) rewrites the command to run inside the container, as this one does.
    @Test
    void theCommandStartsThroughADecoratedLauncher() throws Exception {
        Launcher container = new InContainer(new Launcher.LocalLauncher(listener));

        CommandResult result = runner(container, new EnvVars(), Secrets.none())
                .run(command(Duration.ofMinutes(1), "sh", "-c", "echo inside=$IN_CONTAINER"), lines::add);

        assertThat(result.succeeded()).isTrue();
        assertThat(lines).containsExactly("inside=yes");
    }

    // hudson.Proc.LocalProc#kill and #join on interrupt (jenkins-2.541.3 line 359-361, 379-388) kill the process tree
    // (ProcessTree.killAll); a RemoteLauncher's Proc forwards kill to the agent's LocalProc (Launcher.java line 1200).
    @Test
    void aTimeoutKillsTheWholeProcessTree() throws Exception {
        Scripts.write(workspace, "tree.sh", "sleep 1000 &", "echo $! > child.pid", "echo started", "wait");

        CommandResult result = runner(new Launcher.LocalLauncher(listener), new EnvVars(), Secrets.none())
                .run(command(Duration.ofSeconds(2), "./tree.sh"), lines::add);

        assertThat(result.timedOut()).isTrue();
        assertThat(result.exitCode()).isEqualTo(-1);
        assertThat(lines)
                .contains("started", "./tree.sh ran past its timeout of 2s; killing it and the processes it started.");
        long child = Scripts.pidIn(workspace.resolve("child.pid"));
        started.add(child);
        Scripts.await("child " + child + " to be gone", GONE_WITHIN, () -> !Scripts.alive(child));
    }

    @Test
    void aStoppedBuildKillsTheTreeAndKeepsTheInterrupt() throws Exception {
        Scripts.write(workspace, "tree.sh", "sleep 1000 &", "echo $! > child.pid", "wait");
        AgentLauncher runner = runner(new Launcher.LocalLauncher(listener), new EnvVars(), Secrets.none());
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flag = new AtomicReference<>();
        Thread build = new Thread(() -> {
            try {
                runner.run(command(Duration.ofMinutes(5), "./tree.sh"), lines::add);
            } catch (RuntimeException e) {
                thrown.set(e);
                flag.set(Thread.currentThread().isInterrupted());
            }
        });
        build.start();
        long child = Scripts.pidIn(workspace.resolve("child.pid"));
        started.add(child);

        build.interrupt();
        build.join(GONE_WITHIN.toMillis());

        assertThat(thrown.get())
                .isInstanceOf(CommandException.class)
                .hasCauseInstanceOf(InterruptedException.class)
                .hasMessageStartingWith("./tree.sh was stopped because the run was interrupted");
        assertThat(flag.get()).isTrue();
        Scripts.await("child " + child + " to be gone", GONE_WITHIN, () -> !Scripts.alive(child));
    }

    // quiet(true): hudson.Launcher.LocalLauncher#launch (jenkins-2.541.3 line 974-976) prints the command line
    // unless told not to, and it may hold a secret.
    @Test
    void secretsAreMaskedInTheOutputAndTheCommandLineIsNotEchoed() throws Exception {
        Secrets secrets = Secrets.none().with("hunter2-canary");

        CommandResult result = runner(new Launcher.LocalLauncher(listener), new EnvVars(), secrets)
                .run(
                        command(Duration.ofMinutes(1), "sh", "-c", "echo token=$1 >&2", "sh", "hunter2-canary"),
                        lines::add);

        assertThat(result.succeeded()).isTrue();
        assertThat(lines).containsExactly("token=****");
        assertThat(result.output()).containsExactly("token=****");
        assertThat(listener.text()).doesNotContain("hunter2-canary");
    }

    @Test
    void aMissingProgramOrDirectoryIsOneLine() {
        AgentLauncher runner = runner(new Launcher.LocalLauncher(listener), new EnvVars(), Secrets.none());

        assertThatThrownBy(() -> runner.run(command(Duration.ofMinutes(1), "./no-such-script.sh"), lines::add))
                .isInstanceOf(CommandException.class)
                .hasMessageContaining("Cannot start ./no-such-script.sh")
                .hasMessageContaining("no such file");
        Command elsewhere = new Command(List.of("true"), "not-there", Map.of(), Duration.ofMinutes(1));
        assertThatThrownBy(() -> runner.run(elsewhere, lines::add))
                .isInstanceOf(CommandException.class)
                .hasMessageStartingWith("Working directory ")
                .hasMessageContaining("not-there does not exist");
    }

    /** As a container step decorates the launcher: the command runs wrapped, here by {@code env}. */
    static final class InContainer extends Launcher.DecoratedLauncher {
        InContainer(Launcher inner) {
            super(inner);
        }

        @Override
        public Proc launch(ProcStarter starter) throws IOException {
            List<String> wrapped = new ArrayList<>(List.of("env", "IN_CONTAINER=yes"));
            wrapped.addAll(starter.cmds());
            return super.launch(starter.cmds(wrapped));
        }
    }
}
