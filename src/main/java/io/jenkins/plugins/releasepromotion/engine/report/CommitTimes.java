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

    /** How many commits a lookup that finds none of them is asked, before it is asked no more. */
    int GIVE_UP = 100;

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

    /**
     * The recorded time, else the commit's time as {@code lookup} finds it (e.g. in a repository). A lookup that finds
     * none of the first {@value #GIVE_UP} commits it is asked for is not the repository the records came from, and is
     * asked no more: a long history of older records then costs no more than that.
     */
    static CommitTimes recordedOr(Function<String, Optional<Instant>> lookup) {
        CommitTimes recorded = recorded();
        int[] found = {0};
        int[] missed = {0};
        return r -> {
            Optional<Instant> time = recorded.of(r);
            if (time.isPresent() || r.commit() == null || (found[0] == 0 && missed[0] >= GIVE_UP)) {
                return time;
            }
            Optional<Instant> looked = lookup.apply(r.commit());
            if (looked.isPresent()) {
                found[0]++;
            } else {
                missed[0]++;
            }
            return looked;
        };
    }
}
