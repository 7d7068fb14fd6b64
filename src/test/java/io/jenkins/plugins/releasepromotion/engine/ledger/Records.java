package io.jenkins.plugins.releasepromotion.engine.ledger;

import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.time.Instant;

/** Finished records as the use cases write them. */
final class Records {
    static final Instant T0 = Instant.parse("2025-01-22T10:30:00Z");

    private Records() {}

    static LedgerRecord deployed(String environment, Integer slot, String tag, String commit, Outcome outcome) {
        return finished(RecordKind.DEPLOYMENT, environment, slot, tag, commit, outcome);
    }

    static LedgerRecord verified(String environment, Integer slot, String tag, String commit, Outcome outcome) {
        return finished(RecordKind.VERIFICATION, environment, slot, tag, commit, outcome);
    }

    static LedgerRecord rolledBack(String environment, Integer slot, String tag, String commit) {
        return finished(RecordKind.ROLLBACK, environment, slot, tag, commit, Outcome.SUCCEEDED);
    }

    static LedgerRecord finished(
            RecordKind kind, String environment, Integer slot, String tag, String commit, Outcome outcome) {
        return LedgerRecord.started(kind, environment, slot, tag, commit, "alice", T0)
                .finish(outcome, T0.plusSeconds(90));
    }
}
