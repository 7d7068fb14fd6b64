package io.jenkins.plugins.releasepromotion.steps;

import static io.jenkins.plugins.releasepromotion.steps.StopAndSecretsTest.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.releasepromotion.action.ReleaseAction;
import io.jenkins.plugins.releasepromotion.config.Environment;
import io.jenkins.plugins.releasepromotion.config.ScriptDeploy;
import io.jenkins.plugins.releasepromotion.engine.ledger.DeploymentLock;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerLockedException;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousResumeNotSupportedException;
import org.junit.jupiter.api.Test;

/**
 * How a step ends when it is stopped: an aborted build, or {@code timeout} cancelling its body. Both reach
 * StepExecution#stop through CpsThread#stop (workflow-cps 4350.vcc65d4958821 l.309-330: CpsFlowExecution#interrupt
 * l.1318, CpsBodyExecution#cancel l.274), which runs on the CPS VM thread under a 30 s Timeout, so stop() must return
 * at once; StepExecution#stop's contract (workflow-step-api 710.v3e456cc85233 l.85-112) lets a step "halt some
 * processing prior to failing the step", as long as it calls onFailure eventually.
 */
class StopInOrderTest extends ScenarioTest {
    @Test
    void theBaseClassFailsTheStepAtOnceWhileItsWorkStillRuns() throws Exception {
        // SynchronousNonBlockingStepExecution#stop, l.67-73: cancel(true) interrupts the thread, then onFailure(cause)
        // at once; whatever run() throws afterwards is only added to the cause (l.53-57).
        CountDownLatch release = new CountDownLatch(1);
        TestContext context = new TestContext();
        SynchronousNonBlockingStepExecution<String> execution = new SynchronousNonBlockingStepExecution<>(context) {
            @Override
            protected String run() {
                awaitUninterruptibly(release);
                throw new IllegalStateException("the work ended late");
            }
        };
        execution.start();
        waitFor(execution::blocksRestart);
        Exception cause = new InterruptedException("aborted by a user");

        execution.stop(cause);

        assertThat(context.isReady()).isTrue();
        release.countDown();
        waitFor(() -> cause.getSuppressed().length == 1);
        assertThat(cause.getSuppressed()[0]).hasMessage("the work ended late");
    }

    @Test
    void aRollbackAfterAnAbortDuringTheDeployTakesTheLockAndSucceeds() throws Exception {
        scenario.start(PromoteTagStepTest.promote("v1.0.0", "staging", 1)).await();
        Environment staging = scenario.environments.get(0);
        Environment blocking = new Environment(
                "staging",
                new ScriptDeploy(List.of(
                        "sh",
                        "-c",
                        "echo deploying $RELEASE_TAG; if [ $RELEASE_TAG = v1.1.0 ]; then sleep 600; fi;"
                                + " echo $RELEASE_TAG > deployed-$RELEASE_ENVIRONMENT.txt")));
        blocking.setKind(staging.getKind());
        blocking.setSlots(staging.getSlots());
        blocking.setChecks(staging.getChecks());
        scenario.environments.set(0, blocking);
        scenario.reconfigure();

        Scenario.Running deploy = scenario.start(PromoteTagStepTest.promote("v1.1.0", "staging", 1));
        List<String> atTheEnd = new ArrayList<>();
        deploy.context().whenEnded(() -> atTheEnd.add(lockState()));
        waitFor(() -> deploy.log().contains("deploying v1.1.0"));
        Exception cause = new InterruptedException("aborted by a user");
        deploy.execution().stop(cause);

        assertThatThrownBy(deploy::await).isSameAs(cause);
        assertThat(atTheEnd).containsExactly("free");
        assertThat(scenario.ledger().history("staging"))
                .filteredOn(r -> r.isFinished() && "v1.1.0".equals(r.tag()))
                .singleElement()
                .extracting(LedgerRecord::outcome)
                .isEqualTo(Outcome.DEPLOY_FAILED);
        RollbackToStep rollback = new RollbackToStep("staging");
        rollback.setSlot(1);
        Map<?, ?> back = (Map<?, ?>) scenario.start(rollback).await();
        assertThat(back.get("outcome")).isEqualTo("SUCCEEDED");
        assertThat(back.get("tag")).isEqualTo("v1.0.0");
    }

    @Test
    void stopReturnsAtOnceAndTheStepFailsWithItsCauseWhenTheWorkHasEnded() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Scenario.Running running = scenario.start(new TestWork(WorkerExecution.STOP_GRACE, run -> {
            run.log().line("working");
            awaitUninterruptibly(release);
            run.log().line("the lock is released and the outcome recorded");
            throw new IllegalStateException("stopped: the deploy was interrupted");
        }));
        waitFor(() -> running.log().contains("working"));
        Exception cause = new InterruptedException("aborted by a user");

        running.execution().stop(cause);

        assertThat(running.context().isReady()).isFalse();
        assertThat(running.execution().blocksRestart()).isTrue();
        release.countDown();
        assertThatThrownBy(running::await).isSameAs(cause);
        assertThat(cause.getSuppressed()).singleElement().isInstanceOf(IllegalStateException.class);
        assertThat(running.log()).contains("the lock is released and the outcome recorded");
        assertThat(running.execution().blocksRestart()).isFalse();
    }

    @Test
    void aWorkThatDoesNotEndInTimeEndsTheStepAndWritesNothingAfterwards() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Scenario.Running running = scenario.start(new TestWork(Duration.ofMillis(200), run -> {
            try {
                run.log().line("working");
                awaitUninterruptibly(release);
                run.log().line("a line after the step ended");
                run.attach(new ReleaseAction(
                        "promotion", "staging", 1, "v1.0.0", null, "DEPLOY_FAILED", null, null, null, "late", null));
                return "done";
            } finally {
                done.countDown();
            }
        }));
        waitFor(() -> running.log().contains("working"));
        Exception cause = new InterruptedException("aborted by a user");

        running.execution().stop(cause);

        assertThatThrownBy(running::await).isSameAs(cause);
        release.countDown();
        done.await();
        assertThat(running.log())
                .contains("The stopped work did not end within 0 s; the step ends now")
                .doesNotContain("a line after the step ended");
        assertThat(running.build().getActions(ReleaseAction.class)).isEmpty();
    }

    @Test
    void aSafeRestartWaitsWhileTheWorkRuns() throws Exception {
        // RestartListener.Default, jenkins-2.541.3 l.52-78, waits for every busy executor whose execution blocks;
        // CpsFlowExecution#blocksRestart (workflow-cps l.1077-1096) asks each running StepExecution#blocksRestart.
        CountDownLatch release = new CountDownLatch(1);
        Scenario.Running running = scenario.start(new TestWork(WorkerExecution.STOP_GRACE, run -> {
            run.log().line("working");
            awaitUninterruptibly(release);
            return "done";
        }));
        waitFor(() -> running.log().contains("working"));

        assertThat(running.execution().blocksRestart()).isTrue();
        release.countDown();
        assertThat(running.await()).isEqualTo("done");
        assertThat(running.execution().blocksRestart()).isFalse();
    }

    @Test
    void aStepResumedAfterARestartSaysWhatItMeansAndFailsAsNotResumable() throws Exception {
        // SynchronousNonBlockingStepExecution#onResume, l.76-79: the step fails with
        // SynchronousResumeNotSupportedException, which retry(conditions: [nonresumable()]) recognizes.
        TestListener listener = new TestListener();
        StepContext context = new TestContext().with(hudson.model.TaskListener.class, listener);
        var execution = new TestWork(WorkerExecution.STOP_GRACE, run -> "never").start(context);

        execution.onResume();

        assertThatThrownBy(((TestContext) context)::result)
                .hasCauseInstanceOf(SynchronousResumeNotSupportedException.class);
        assertThat(listener.text()).contains("[release-promotion] Jenkins restarted while this step ran");
    }

    private String lockState() {
        try (DeploymentLock ignored = scenario.ledger().lock("staging", 1, "the catch block")) {
            return "free";
        } catch (LedgerLockedException e) {
            return "held by " + e.holder();
        }
    }

    static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
