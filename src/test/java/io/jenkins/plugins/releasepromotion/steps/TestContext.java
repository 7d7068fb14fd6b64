package io.jenkins.plugins.releasepromotion.steps;

import java.io.Serial;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/** A step context holding the build, its log and workspace, and the step's outcome once it ends. */
final class TestContext extends StepContext {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient Map<Class<?>, Object> values = new HashMap<>();
    private final transient CompletableFuture<Object> outcome = new CompletableFuture<>();
    private transient volatile Runnable whenEnded = () -> {};

    TestContext with(Class<?> type, Object value) {
        values.put(type, value);
        return this;
    }

    @Override
    public <T> T get(Class<T> key) {
        return key.cast(values.get(key));
    }

    /** Runs when the step ends, before anything waiting for it resumes: where a Pipeline's catch block would run. */
    TestContext whenEnded(Runnable action) {
        whenEnded = action;
        return this;
    }

    @Override
    public void onSuccess(Object result) {
        whenEnded.run();
        outcome.complete(result);
    }

    @Override
    public void onFailure(Throwable t) {
        whenEnded.run();
        outcome.completeExceptionally(t);
    }

    @Override
    public boolean isReady() {
        return outcome.isDone();
    }

    /** The step's return value; its failure is thrown as the cause of an {@link ExecutionException}. */
    Object result() throws ExecutionException, InterruptedException, TimeoutException {
        return outcome.get(2, TimeUnit.MINUTES);
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
