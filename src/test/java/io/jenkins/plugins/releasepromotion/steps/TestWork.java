package io.jenkins.plugins.releasepromotion.steps;

import java.io.IOException;
import java.io.Serial;
import java.time.Duration;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/** A step whose work is given by the test, run by the same execution machinery as the plugin's steps. */
final class TestWork extends Step {
    @FunctionalInterface
    interface Body {
        Object work(StepRun run) throws IOException, InterruptedException;
    }

    private final Body body;
    private final Duration stopGrace;

    TestWork(Duration stopGrace, Body body) {
        this.body = body;
        this.stopGrace = stopGrace;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(this, context);
    }

    static final class Execution extends WorkerExecution<Object> {
        @Serial
        private static final long serialVersionUID = 1L;

        private final transient TestWork step;

        Execution(TestWork step, StepContext context) {
            super(context);
            this.step = step;
        }

        @Override
        protected Object work(StepRun run) throws IOException, InterruptedException {
            return step.body.work(run);
        }

        @Override
        Duration stopGrace() {
            return step.stopGrace;
        }
    }
}
