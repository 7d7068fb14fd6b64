package io.jenkins.plugins.releasepromotion.engine.report;

import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

/**
 * When the commit of a deployment was made: what the lead time for changes starts from. A deployment records it
 * ({@value #EVIDENCE} in its evidence); for older records a repository may answer instead.
 */
@FunctionalInterface
public interface CommitTimes {
    /** The evidence key under which a deployment records its commit's time. */
    String EVIDENCE = LedgerRecord.COMMITTED_AT;

    Optional<Instant> of(LedgerRecord deployment);

    /** The commit time the deployment recorded; nothing for a record made before deployments recorded it. */
    static CommitTimes recorded() {
        return r -> {
            String text = r.evidence().get(EVIDENCE);
            if (text == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(Instant.parse(text));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        };
    }

    /** The recorded time, else the commit's time as {@code lookup} finds it (e.g. in a repository). */
    static CommitTimes recordedOr(Function<String, Optional<Instant>> lookup) {
        CommitTimes recorded = recorded();
        return r -> {
            Optional<Instant> time = recorded.of(r);
            return time.isPresent() || r.commit() == null ? time : lookup.apply(r.commit());
        };
    }
}
