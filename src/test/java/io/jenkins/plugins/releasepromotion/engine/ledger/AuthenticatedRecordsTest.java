package io.jenkins.plugins.releasepromotion.engine.ledger;

import static io.jenkins.plugins.releasepromotion.engine.ledger.Records.deployed;
import static io.jenkins.plugins.releasepromotion.engine.ledger.Records.verified;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records that carry a keyed MAC: a passing verification appended by hand, with a matching checksum and a correct link
 * to the chain, is evidence where no key is configured and never where one is.
 */
class AuthenticatedRecordsTest {
    static final String OLD_KEY = "old-key-Zm9yIHRlc3RzIG9ubHksIG5ldmVyIHVzZWQ=";
    static final String NEW_KEY = "new-key-YW5vdGhlciBrZXkgZm9yIHRoZSB0ZXN0cw==";

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private JsonLinesLedger ledger(String keys) {
        return new JsonLinesLedger(dir, warnings::add, keys == null ? LedgerKeys.NONE : LedgerKeys.parse("test", keys));
    }

    /** What someone with write access to the file can do: a record in the form the command writes, linked and summed. */
    private LedgerRecord forgeVerification() throws Exception {
        Path file = dir.resolve("staging.jsonl");
        List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        ChainLink link = RecordChain.after(RecordChain.textOfLine(lines.get(lines.size() - 1)));
        LedgerRecord forged = verified("staging", 1, "v2.0.0", "c2", Outcome.SUCCEEDED);
        Files.writeString(
                file, LedgerText.of(forged, link) + "\n", StandardCharsets.US_ASCII, StandardOpenOption.APPEND);
        return forged;
    }

    @Test
    void withoutAKeyAForgedVerificationIsEvidence() throws Exception {
        ledger(null).append(deployed("staging", 1, "v2.0.0", "c2", Outcome.SUCCEEDED));
        LedgerRecord forged = forgeVerification();

        JsonLinesLedger reader = ledger(null);
        assertThat(reader.attestations("staging", "v2.0.0", "c2")).containsExactly(forged);
        assertThat(reader.verify("staging").intact())
                .as("the link is correct, so the chain cannot tell")
                .isTrue();
    }

    @Test
    void withAKeyAForgedVerificationIsNeverEvidenceAndIsNamed() throws Exception {
        JsonLinesLedger writer = ledger(NEW_KEY);
        writer.append(deployed("staging", 1, "v2.0.0", "c2", Outcome.SUCCEEDED));
        LedgerRecord real = verified("staging", 1, "v2.0.0", "c2", Outcome.VERIFY_FAILED);
        writer.append(real);
        LedgerRecord forged = forgeVerification();

        JsonLinesLedger reader = ledger(NEW_KEY);
        assertThat(reader.attestations("staging", "v2.0.0", "c2")).isEmpty();
        assertThat(reader.verifications("staging", "v2.0.0")).containsExactly(real);
        assertThat(reader.history("staging")).doesNotContain(forged).hasSize(2);
        assertThat(warnings)
                .anySatisfy(w -> assertThat(w).contains("Ledger record " + forged.id(), "has no valid MAC"));

        ChainReport report = reader.verify("staging");
        assertThat(report.intact()).isTrue();
        assertThat(report.unauthenticated()).isEqualTo(1);
        assertThat(report.firstUnauthenticated().kind()).isEqualTo(ChainBreak.Kind.UNAUTHENTICATED);
        assertThat(report.firstUnauthenticated().id()).isEqualTo(forged.id());
        assertThat(report.firstUnauthenticated().message())
                .isEqualTo("line 3 (record " + forged.id() + ") has no valid MAC: it carries no MAC; it is not"
                        + " evidence.");
    }

    @Test
    void aForgedRecordIsRefusedThroughTheIndexToo() throws Exception {
        JsonLinesLedger writer = ledger(NEW_KEY);
        writer.append(deployed("staging", 1, "v2.0.0", "c2", Outcome.SUCCEEDED));
        LedgerRecord forged = forgeVerification();
        // The next append indexes what lies before it, the forged line included when it was not refused.
        writer.append(deployed("staging", 1, "v2.0.0", "c2", Outcome.SUCCEEDED));

        assertThat(ledger(NEW_KEY).attestations("staging", "v2.0.0", "c2")).isEmpty();
        assertThat(ledger(null).attestations("staging", "v2.0.0", "c2")).containsExactly(forged);
    }

    @Test
    void aSignedRecordWithAChangedMacOrAnotherKeysMacIsNotEvidence() throws Exception {
        ledger(OLD_KEY).append(verified("staging", 1, "v1.0.0", "c1", Outcome.SUCCEEDED));
        Path file = dir.resolve("staging.jsonl");
        String line = Files.readString(file, StandardCharsets.US_ASCII);

        assertThat(ledger(NEW_KEY).attestations("staging", "v1.0.0", "c1")).isEmpty();
        assertThat(ledger(NEW_KEY).verify("staging").firstUnauthenticated().message())
                .contains("which is not configured");

        // Another tag under the same MAC, the checksum recomputed: the MAC no longer matches.
        String changed = RecordChain.textOfLine(line.strip()).replace("v1.0.0", "v9.0.0");
        Files.writeString(file, withChecksum(changed) + "\n", StandardCharsets.US_ASCII);
        assertThat(ledger(OLD_KEY).attestations("staging", "v9.0.0", "c1")).isEmpty();
        assertThat(ledger(OLD_KEY).verify("staging").firstUnauthenticated().message())
                .contains("its MAC does not match");
    }

    @Test
    void recordsWrittenBeforeTheKeyAreNotEvidenceOnceItIsConfigured() {
        ledger(null).append(verified("staging", 1, "v1.0.0", "c1", Outcome.SUCCEEDED));

        assertThat(ledger(NEW_KEY).attestations("staging", "v1.0.0", "c1")).isEmpty();
        assertThat(ledger(NEW_KEY).verify("staging").unauthenticated()).isEqualTo(1);
        assertThat(ledger(null).attestations("staging", "v1.0.0", "c1")).hasSize(1);
    }

    @Test
    void afterRotationOldRecordsVerifyAndNewOnesCarryTheNewKey() throws Exception {
        LedgerKeys old = LedgerKeys.parse("test", OLD_KEY);
        LedgerKeys rotated = LedgerKeys.parse("test", NEW_KEY + "\n" + OLD_KEY);
        LedgerRecord before = verified("staging", 1, "v1.0.0", "c1", Outcome.SUCCEEDED);
        ledger(OLD_KEY).append(before);

        JsonLinesLedger after = ledger(NEW_KEY + "\n" + OLD_KEY);
        LedgerRecord next = verified("staging", 1, "v2.0.0", "c2", Outcome.SUCCEEDED);
        after.append(next);

        assertThat(after.history("staging")).containsExactly(before, next);
        assertThat(after.verify("staging").authentic()).isTrue();
        List<String> lines = Files.readAllLines(dir.resolve("staging.jsonl"), StandardCharsets.US_ASCII);
        assertThat(lines.get(0)).contains("\"macKey\":\"" + old.ids().get(0) + "\"");
        assertThat(lines.get(1)).contains("\"macKey\":\"" + rotated.ids().get(0) + "\"");
        assertThat(rotated.ids())
                .containsExactly(
                        LedgerKeys.parse("t", NEW_KEY).ids().get(0), old.ids().get(0));
        // Once the old key is dropped, what it signed is no longer evidence.
        assertThat(ledger(NEW_KEY).history("staging")).containsExactly(next);
    }

    @Test
    void theKeyNeverReachesARecordAMessageOrAToString() throws Exception {
        LedgerKeys keys = LedgerKeys.parse("test", NEW_KEY + " " + OLD_KEY);
        ledger(NEW_KEY + " " + OLD_KEY).append(verified("staging", 1, "v1.0.0", "c1", Outcome.SUCCEEDED));
        forgeVerification();
        ledger(NEW_KEY).history("staging");
        String file = Files.readString(dir.resolve("staging.jsonl"), StandardCharsets.US_ASCII);

        assertThat(List.of(
                        file,
                        keys.toString(),
                        String.join("\n", warnings),
                        ledger(NEW_KEY).toString()))
                .allSatisfy(text -> assertThat(text).doesNotContain(NEW_KEY).doesNotContain(OLD_KEY));
        assertThat(keys.toString()).isEqualTo("LedgerKeys" + keys.ids());
        assertThatThrownBy(() -> LedgerKeys.parse("the file k", NEW_KEY + " short-key"))
                .hasMessage("The ledger key number 2 in the file k has 9 characters, fewer than 32; write a key made"
                        + " with 'openssl rand -base64 32' instead.")
                .message()
                .doesNotContain(NEW_KEY);
        assertThatThrownBy(() -> LedgerKeys.parse("the file k", " \n"))
                .hasMessage("the file k holds no ledger key; write one made with 'openssl rand -base64 32' into it.");
    }

    @Test
    void aKeyIdSaysNothingOfTheKeyAndIsTheSameForTheSameKey() {
        String id = LedgerKeys.parse("a", NEW_KEY).ids().get(0);

        assertThat(id)
                .matches("[0-9a-f]{16}")
                .isEqualTo(LedgerKeys.parse("b", " " + NEW_KEY + "\n").ids().get(0));
        assertThat(NEW_KEY).doesNotContain(id);
        assertThat(LedgerKeys.parse("c", OLD_KEY).ids().get(0)).isNotEqualTo(id);
    }

    private static String withChecksum(String text) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        crc.update(bytes, 0, bytes.length - 1);
        crc.update('}');
        return text.substring(0, text.length() - 1)
                + String.format(java.util.Locale.ROOT, ",\"crc\":\"%08x\"}", crc.getValue());
    }
}
