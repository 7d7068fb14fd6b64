package io.jenkins.plugins.releasepromotion.engine.deploy.script;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Kills a process with everything it started. Killing only the process would leave its children running (a
 * {@code sleep 1000 &}, a server started by a deploy script), orphaned and out of reach.
 */
final class ProcessTree {
    private static final int ROUNDS = 5;
    private static final Duration EXIT_WAIT = Duration.ofSeconds(5);

    private ProcessTree() {}

    /**
     * Kills the descendants while the process still holds them together (once it is gone they belong to init and can
     * no longer be found), then the process, and waits a little for all of them to be gone.
     */
    static void kill(Process process) {
        Set<ProcessHandle> killed = new LinkedHashSet<>();
        // A child may start another while the tree is being killed; later rounds catch those still attached.
        for (int round = 0; round < ROUNDS; round++) {
            List<ProcessHandle> fresh = process.descendants()
                    .filter(handle -> !killed.contains(handle))
                    .toList();
            if (fresh.isEmpty()) {
                break;
            }
            fresh.forEach(ProcessHandle::destroyForcibly);
            killed.addAll(fresh);
        }
        process.destroyForcibly();
        killed.add(process.toHandle());
        awaitExit(killed);
    }

    /** Waits for all at once: each non-child exit is noticed by polling, which would add up one after another. */
    private static void awaitExit(Set<ProcessHandle> handles) {
        CompletableFuture<?>[] exits =
                handles.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            // Keep the interrupt for the caller; the kill signals are already sent.
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // A process that outlives its kill signal cannot be helped from here.
        }
    }
}
