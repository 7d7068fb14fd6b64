package io.jenkins.plugins.releasepromotion.steps;

import hudson.model.TaskListener;
import io.jenkins.plugins.releasepromotion.engine.verify.Sleeper;
import java.io.IOException;
import java.io.Serial;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * A step whose work runs off the CPS VM thread and ends in order when it is stopped.
 *
 * <p>The base class fails the step the moment it is stopped, while its work still holds the deployment lock, so a
 * {@code catch { rollbackTo(...) }} would find the slot locked. Here {@link #stop} interrupts the work and returns at
 * once (it is called on the CPS VM thread, which must not wait); the step fails with the stop's cause when the work has
 * released the lock and recorded how it ended, or after {@link #STOP_GRACE} if the work does not end. Nothing reaches
 * the build log or page once the step has ended.
 *
 * <p>A safe restart waits for the work, except while a bake window waits between its health checks.
 */
abstract class WorkerExecution<T> extends SynchronousNonBlockingStepExecution<T> {
    @Serial
    private static final long serialVersionUID = 1L;

    private static final Logger LOGGER = Logger.getLogger(WorkerExecution.class.getName());

    /** How long a stopped step waits for its work to end before it fails anyway. */
    static final Duration STOP_GRACE =
            Duration.ofSeconds(Long.getLong(WorkerExecution.class.getName() + ".stopGraceSeconds", 30));

    private transient volatile Thread worker;
    private transient volatile boolean baking;
    private transient StepRun current;
    private transient Throwable stopCause;
    private transient boolean ended;
    private transient boolean gaveUp;
    private transient ScheduledFuture<?> deadline;

    /** Something written to the build log or page. */
    @FunctionalInterface
    interface Output {
        void write() throws IOException;
    }

    protected WorkerExecution(StepContext context) {
        super(context);
    }

    /** The step's work, given the Jenkins side of its run. */
    protected abstract T work(StepRun run) throws IOException, InterruptedException;

    /** How long {@link #stop} waits for the work. */
    Duration stopGrace() {
        return STOP_GRACE;
    }

    @Override
    protected final T run() throws Exception {
        boolean stopped;
        synchronized (this) {
            worker = Thread.currentThread();
            stopped = stopCause != null;
        }
        T result = null;
        Throwable failure = null;
        try {
            if (!stopped) {
                try (StepRun run = StepRun.of(getContext(), this)) {
                    synchronized (this) {
                        current = run;
                    }
                    result = work(run);
                }
            }
        } catch (Exception | Error e) {
            failure = e;
        }
        Throwable thrown = end(failure);
        if (thrown == null) {
            return result;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
        throw thrown instanceof Exception e ? e : new Exception(thrown);
    }

    /**
     * Marks the step ended and says what {@link #run} throws: the stop's cause with the work's failure suppressed when
     * a stop came; after the grace period the step has already failed, and what is thrown only joins the cause.
     */
    private synchronized Throwable end(Throwable failure) {
        worker = null;
        ended = true;
        if (deadline != null) {
            deadline.cancel(false);
        }
        if (stopCause == null) {
            return failure;
        }
        if (gaveUp) {
            return failure != null ? failure : new CancellationException("the work ended after its step");
        }
        if (failure != null && failure != stopCause) {
            stopCause.addSuppressed(failure);
        }
        return stopCause;
    }

    /**
     * Interrupts the work: the deploy or check in progress stops, the engine records how the operation ended and
     * releases the deployment lock, and then the step fails with {@code cause}.
     */
    @Override
    public void stop(Throwable cause) throws Exception {
        Thread interrupt = null;
        boolean over;
        synchronized (this) {
            over = ended;
            if (!over) {
                if (stopCause == null) {
                    stopCause = cause;
                    deadline = Timer.get().schedule(this::giveUp, stopGrace().toMillis(), TimeUnit.MILLISECONDS);
                }
                interrupt = worker;
            }
        }
        if (over) {
            super.stop(cause);
        } else if (interrupt != null) {
            interrupt.interrupt();
        }
    }

    /** The work did not end in time: the step fails now, and the work writes nothing more. */
    private void giveUp() {
        Throwable cause;
        synchronized (this) {
            if (ended) {
                return;
            }
            if (current != null) {
                current.log().line(Messages.WorkerExecution_GaveUp(stopGrace().toSeconds()));
            }
            ended = true;
            gaveUp = true;
            cause = stopCause;
        }
        try {
            super.stop(cause);
        } catch (Exception e) {
            LOGGER.log(Level.WARNING, "Could not end a stopped step", e);
        }
    }

    /** Writes to the build log or page while the step has not ended; afterwards nothing is written. */
    synchronized void write(Output output) throws IOException {
        if (!ended) {
            output.write();
        }
    }

    /** The bake window's wait between health checks, during which a safe restart may go ahead. */
    Sleeper bakeWait() {
        return duration -> {
            baking = true;
            try {
                Sleeper.real().sleep(duration);
            } finally {
                baking = false;
            }
        };
    }

    /**
     * A safe restart waits while the work runs (gates, deploy, checks), but not while a bake window waits: the restart
     * then cuts the window short, and the operation's record stays unfinished, which the ledger shows as interrupted.
     */
    @Override
    public boolean blocksRestart() {
        return worker != null && !baking;
    }

    /** After a restart the work is gone: the step says what that means, then fails as the base class does. */
    @Override
    public void onResume() {
        try {
            getContext()
                    .get(TaskListener.class)
                    .getLogger()
                    .println(ConsoleLog.PREFIX + Messages.WorkerExecution_Restarted());
        } catch (IOException e) {
            LOGGER.log(Level.FINE, "No build log to explain the restart", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        super.onResume();
    }
}
