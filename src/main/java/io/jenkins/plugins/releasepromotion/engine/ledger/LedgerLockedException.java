package io.jenkins.plugins.releasepromotion.engine.ledger;

import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;

/** Another deployment holds the lock of an environment and slot. The message names the holder and the way out. */
public final class LedgerLockedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String environment;
    private final Integer slot;
    private final String holder;

    public LedgerLockedException(String environment, Integer slot, String holder) {
        super(place(environment, slot) + " is locked by " + holder
                + "; wait for that deployment to finish (its lock is freed when it ends or its process stops).");
        this.environment = environment;
        this.slot = slot;
        this.holder = holder;
    }

    public String environment() {
        return environment;
    }

    public Integer slot() {
        return slot;
    }

    /** Who holds the lock, as they described themselves when taking it. */
    public String holder() {
        return holder;
    }

    static String place(String environment, Integer slot) {
        String name = DisplayText.of(environment);
        return slot == null ? name : name + " slot " + slot;
    }
}
