package io.jenkins.plugins.releasepromotion.engine.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** The verification look-ups checked against their definition over the whole history. */
final class FullRead {
    private FullRead() {}

    /** For the tags {@code v1.0.0} to {@code v1.0.19} and commits {@code c0} to {@code c2} and {@code c<n>}. */
    static void assertSameAsAFullRead(Ledger ledger, String environment) {
        List<LedgerRecord> all = new ArrayList<>(ledger.history(environment));
        Collections.reverse(all);
        for (int t = 0; t < 20; t++) {
            String tag = "v1.0." + t;
            List<LedgerRecord> verifications = all.stream()
                    .filter(r -> r.kind() == RecordKind.VERIFICATION
                            && r.isFinished()
                            && r.tag().equals(tag))
                    .toList();
            assertThat(ledger.verifications(environment, tag)).as(tag).isEqualTo(verifications);
            for (String commit : List.of("c0", "c1", "c2", "c" + t)) {
                List<LedgerRecord> attestations = verifications.stream()
                        .filter(r -> r.isSucceeded() && Objects.equals(r.commit(), commit))
                        .toList();
                assertThat(ledger.attestations(environment, tag, commit))
                        .as(tag + " " + commit)
                        .isEqualTo(attestations);
            }
        }
    }
}
