package io.jenkins.plugins.releasepromotion.steps;

import hudson.FilePath;
import io.jenkins.plugins.releasepromotion.engine.usecase.OperationStoppedException;
import java.io.IOException;
import java.io.Serializable;
import java.util.function.Function;

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
     * @param lost what the failure becomes when the agent cannot be reached (it went offline, the channel closed)
     */
    <T extends Serializable> AgentCalls.Answer<T> call(
            FilePath.FileCallable<AgentCalls.Answer<T>> work, String what, Function<String, RuntimeException> lost) {
        try {
            return workspace.act(work);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationStoppedException(what + " was stopped", e);
        } catch (IOException e) {
            throw lost.apply("the agent could not " + what + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }
}
