package io.jenkins.plugins.releasepromotion.engine.deploy.script;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.releasepromotion.engine.port.Command;
import io.jenkins.plugins.releasepromotion.engine.port.CommandException;
import io.jenkins.plugins.releasepromotion.engine.port.CommandResult;
import io.jenkins.plugins.releasepromotion.engine.port.Secrets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command past its timeout, or a stopped build, takes every process it started with it. */
class StoppingCommandsTest {
    private static final Duration GONE_WITHIN = Duration.ofSeconds(10);

    @TempDir
    Path workspace;

    private final List<String> lines = Scripts.lines();
    private final List<Long> started = new ArrayList<>();

    /** A script with a background child and a grandchild, each writing its pid, then waiting for ever. */
    private Command tree(Duration timeout) throws Exception {
        Scripts.write(
                workspace,
                "tree.sh",
                "sleep 1000 &",
                "echo $! > child.pid",
                "sh -c 'sleep 1000 & echo $! > grandchild.pid; wait' &",
                "echo started",
                "wait");
        return new Command(List.of("./tree.sh"), null, Map.of(), timeout);
    }

    @AfterEach
    void nothingIsLeftRunning() {
        for (long pid : started) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private void assertGone(String name) {
        long pid = Scripts.pidIn(workspace.resolve(name));
        started.add(pid);
        Scripts.await(name + " " + pid + " to be gone", GONE_WITHIN, () -> !Scripts.alive(pid));
    }

    @Test
    void aTimeoutKillsTheWholeProcessTree() throws Exception {
        CommandResult result =
                new LocalCommandRunner(workspace, Secrets.none()).run(tree(Duration.ofSeconds(2)), lines::add);

        assertThat(result.timedOut()).isTrue();
        assertThat(result.exitCode()).isEqualTo(-1);
        assertThat(result.succeeded()).isFalse();
        assertThat(lines)
                .contains(
                        "started",
                        "./tree.sh ran past its timeout of 2s; killing it and the processes it" + " started.");
        assertGone("child.pid");
        assertGone("grandchild.pid");
    }

    @Test
    void anInterruptKillsTheTreeAndIsPassedOn() throws Exception {
        Command command = tree(Duration.ofMinutes(5));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean flagSet = new AtomicBoolean();
        Thread build = new Thread(() -> {
            try {
                new LocalCommandRunner(workspace, Secrets.none()).run(command, lines::add);
            } catch (RuntimeException e) {
                thrown.set(e);
                flagSet.set(Thread.currentThread().isInterrupted());
            }
        });
        build.start();
        Scripts.pidIn(workspace.resolve("grandchild.pid"));

        build.interrupt();
        build.join(GONE_WITHIN.toMillis());

        assertThat(build.isAlive()).isFalse();
        assertThat(thrown.get())
                .isInstanceOf(CommandException.class)
                .hasCauseInstanceOf(InterruptedException.class)
                .hasMessage("./tree.sh was stopped because the run was interrupted; it and the processes it started"
                        + " were killed.");
        assertThat(flagSet).isTrue();
        assertGone("child.pid");
        assertGone("grandchild.pid");
    }

    @Test
    void aBackgroundChildHoldingTheOutputDoesNotHoldUpTheResult() throws Exception {
        Scripts.write(workspace, "daemon.sh", "sleep 1000 &", "echo $! > daemon.pid", "echo deployed");

        CommandResult result = new LocalCommandRunner(workspace, Secrets.none())
                .run(new Command(List.of("./daemon.sh"), null, Map.of(), Duration.ofMinutes(1)), lines::add);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.output()).containsExactly("deployed");
        // Whether the notice follows depends on whether Java closed the pipe first when the script ended.
        assertThat(lines).first().isEqualTo("deployed");
        assertThat(lines)
                .hasSizeLessThanOrEqualTo(2)
                .allMatch(line -> line.equals("deployed")
                        || line.equals("./daemon.sh left processes running that still write to its output; that"
                                + " output is not shown."));
        started.add(Scripts.pidIn(workspace.resolve("daemon.pid")));
    }
}
