package io.jenkins.plugins.releasepromotion.engine.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalLineTest {

    private final LedgerCodec codec = new LedgerCodec();

    @Test
    void findsEachMemberOfTheHeadIncludingASlotRightBeforeTheStartTime() {
        LedgerRecord bare = LedgerRecord.started(RecordKind.APPROVAL, "staging", 1, null, null, null, Records.T0);
        byte[] line = line(bare);

        assertThat(mayMatch(line, CanonicalLine.slot(1))).isTrue();
        assertThat(mayMatch(line, CanonicalLine.slot(12))).isFalse();
        assertThat(mayMatch(line, CanonicalLine.SUCCEEDED)).isFalse();
        assertThat(mayMatch(line(bare.finish(Outcome.SUCCEEDED, Records.T0)), CanonicalLine.SUCCEEDED, slot(1)))
                .isTrue();
    }

    @Test
    void neverSearchesTheEvidence() {
        LedgerRecord record = Records.deployed("staging", 2, "v1.0.0", "abc", Outcome.DEPLOY_FAILED)
                .withEvidence(Map.of("outcome", "SUCCEEDED", "slot", "1"));
        byte[] line = line(record);

        assertThat(new String(line, StandardCharsets.US_ASCII))
                .contains("\"evidence\":{")
                .contains("\"outcome\":\"SUCCEEDED\"");
        assertThat(mayMatch(line, CanonicalLine.SUCCEEDED)).isFalse();
        assertThat(mayMatch(line, codec.member("tag", "v1.0.0"), codec.member("commit", "abc")))
                .isTrue();
        assertThat(mayMatch(line, codec.member("tag", "v1.0"))).isFalse();
    }

    @Test
    void readsTheIdAndPhaseFromTheHead() {
        LedgerRecord started = LedgerRecord.started(RecordKind.ROLLBACK, "prod", null, "v1", "c", "a", Records.T0);

        assertThat(CanonicalLine.head(line(started), line(started).length))
                .isEqualTo(new CanonicalLine.Head(started.id(), false));
        LedgerRecord done = started.finish(Outcome.ROLLED_BACK, Records.T0);
        assertThat(CanonicalLine.head(line(done), line(done).length))
                .isEqualTo(new CanonicalLine.Head(done.id(), true));
    }

    @Test
    void leavesAnIdWithEscapesToTheParser() {
        LedgerRecord quoted = new LedgerRecord(
                "op \"7\" \u00e9",
                RecordKind.DEPLOYMENT,
                Phase.STARTED,
                "prod",
                null,
                null,
                null,
                null,
                Records.T0,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);

        assertThat(CanonicalLine.head(line(quoted), line(quoted).length)).isNull();
        assertThat(codec.parse(line(quoted), line(quoted).length).id()).isEqualTo("op \"7\" \u00e9");
    }

    private static byte[] slot(int slot) {
        return CanonicalLine.slot(slot);
    }

    private byte[] line(LedgerRecord record) {
        byte[] encoded = codec.encode(record);
        return Arrays.copyOf(encoded, encoded.length - 1);
    }

    private static boolean mayMatch(byte[] line, byte[]... needles) {
        return CanonicalLine.mayMatch(line, line.length, List.of(needles));
    }
}
