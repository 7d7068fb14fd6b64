package io.jenkins.plugins.releasepromotion.steps;

import hudson.FilePath;
import io.jenkins.plugins.releasepromotion.engine.usecase.OperationStoppedException;
import java.io.IOException;
import java.io.Serializable;

/**
 * Sends work to the agent that holds the workspace and waits for it. Stopping the step interrupts the wait, which
 * stops the work on the agent and ends the operation with its recorded outcome.
 */
final class Agent {
    private final FilePath workspace;

    Agent(FilePath workspace) {
        this.workspace = workspace;
    }

    /**
     * @param what the work, for messages: "read the repository in the workspace"
     * @param lostKind the kind of failure the answer carries when the agent cannot be reached (it went offline, the
     *     channel closed)
     */
    <T extends Serializable> Answer<T> call(FilePath.FileCallable<Answer<T>> work, String what, String lostKind) {
        try {
            return workspace.act(work);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationStoppedException(what + " was stopped", e);
        } catch (IOException e) {
            return Answer.failed(
                    lostKind,
                    "the agent could not " + what + " (" + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }
}
