package io.jenkins.plugins.releasepromotion.engine.ledger;

import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;

/**
 * A record that reads, where a ledger key is configured, without a valid MAC: written by hand, by someone without the
 * key, or before the key was configured. It is never evidence; the ledger skips it and says so, naming it.
 */
public final class UnauthenticatedRecordException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String id;
    private final String problem;

    UnauthenticatedRecordException(String id, String problem) {
        super("ledger record " + DisplayText.of(id) + " has no valid MAC (" + problem + "), so it is not evidence");
        this.id = id;
        this.problem = problem;
    }

    /** One line for a warning: the record, why it is not authentic, where it is, and that it is skipped. */
    public String warning(String where) {
        return "Ledger record " + DisplayText.of(id) + " (" + where + ") has no valid MAC: " + problem
                + "; it is not evidence and is skipped. Run 'release-promotion ledger verify' to list such records.";
    }

    /** The id of the record. */
    public String id() {
        return id;
    }
}
