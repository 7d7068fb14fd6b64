package io.jenkins.plugins.releasepromotion.engine.usecase;

import io.jenkins.plugins.releasepromotion.engine.ledger.DeploymentLock;
import io.jenkins.plugins.releasepromotion.engine.ledger.Ledger;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerLockedException;
import java.util.Optional;

/** Looks at a deployment lock without keeping it. */
final class Locks {
    private Locks() {}

    /** Who holds the lock, or empty when it is free (it was taken and released at once to find out). */
    static Optional<String> peek(Ledger ledger, String environment, Integer slot) {
        try (DeploymentLock ignored = ledger.lock(environment, slot, "a dry run")) {
            return Optional.empty();
        } catch (LedgerLockedException e) {
            return Optional.of(e.holder());
        }
    }
}
