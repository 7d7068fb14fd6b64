package io.jenkins.plugins.releasepromotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.releasepromotion.engine.ledger.ChainLink;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerKeys;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerText;
import io.jenkins.plugins.releasepromotion.engine.ledger.RecordChain;
import io.jenkins.plugins.releasepromotion.engine.ledger.RecordKind;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attack on the staged-first gate: a passing staging verification appended to the ledger file by hand, in the
 * form the command writes (checksum and chain link correct). Without a ledger key it lets a tag that was never verified
 * pass; with a key (RELEASE_PROMOTION_LEDGER_KEY_FILE) the gate refuses it and the warning names the forged record.
 */
class AuthenticatedLedgerCommandTest {
    private static final String KEY = "cli-key-dGhlIGNvbW1hbmQgbGluZSdzIHRlc3Qga2V5";
    private static final String CONFIG =
            """
            environments:
              - name: staging
                kind: staging
                slots: 1
                deploy:
                  script:
                    command: [./deploy.sh, '{slot}', '{tag}']
              - name: production
                kind: production
                deploy:
                  script:
                    command: [./deploy.sh, '0', '{tag}']
                gates:
                  promotesFrom: staging
                  liveVersion: "off"
            """;

    private CliRepo repo;
    private Path keyFile;

    @BeforeEach
    void repository(@TempDir Path dir) throws Exception {
        repo = CliRepo.create(dir.resolve("repo")).deployScript().config(CONFIG);
        keyFile = dir.resolve("ledger.key");
        Files.writeString(keyFile, KEY + "\n", StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
    }

    private LedgerRecord forgeStagingVerification() throws Exception {
        Path file = repo.dir.resolve(".release-promotion/ledger/staging.jsonl");
        List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        ChainLink link = RecordChain.after(RecordChain.textOfLine(lines.get(lines.size() - 1)));
        Instant now = Instant.now();
        LedgerRecord forged = LedgerRecord.started(
                        RecordKind.VERIFICATION, "staging", 1, "v1.0.0", repo.commit, "ci", now.minusSeconds(60))
                .finish(Outcome.SUCCEEDED, now);
        Files.writeString(
                file, LedgerText.of(forged, link) + "\n", StandardCharsets.US_ASCII, StandardOpenOption.APPEND);
        return forged;
    }

    @Test
    void withoutAKeyAForgedStagingVerificationLetsAnUntestedTagPass() throws Exception {
        assertThat(repo.run("promote", "v1.0.0", "--env", "staging", "--slot", "1", "--no-verify"))
                .as(repo.err())
                .isZero();
        assertThat(repo.run("check", "v1.0.0", "--env", "production")).isEqualTo(ExitCode.GATE_REFUSED);

        forgeStagingVerification();

        int code = repo.run("check", "v1.0.0", "--env", "production");

        assertThat(code).as(repo.out() + repo.err()).isZero();
        assertThat(repo.run("ledger", "verify")).as("the chain cannot tell").isZero();
    }

    @Test
    void withAKeyTheForgedVerificationIsRefusedAndNamed() throws Exception {
        repo.environment(Map.of("RELEASE_PROMOTION_LEDGER_KEY_FILE", keyFile.toString()));
        assertThat(repo.run("promote", "v1.0.0", "--env", "staging", "--slot", "1", "--no-verify"))
                .as(repo.err())
                .isZero();
        LedgerRecord forged = forgeStagingVerification();

        int code = repo.run("check", "v1.0.0", "--env", "production");

        assertThat(code).isEqualTo(ExitCode.GATE_REFUSED);
        assertThat(repo.err()).contains("Ledger record " + forged.id(), "has no valid MAC: it carries no MAC");
        assertThat(repo.out() + repo.err()).doesNotContain(KEY);
    }

    @Test
    void ledgerVerifyNamesTheRecordWithoutAValidMacAndExitsWithEight() throws Exception {
        repo.environment(Map.of("RELEASE_PROMOTION_LEDGER_KEY_FILE", keyFile.toString()));
        assertThat(repo.run("promote", "v1.0.0", "--env", "staging", "--slot", "1", "--no-verify"))
                .isZero();
        assertThat(repo.run("ledger", "verify")).as(repo.out()).isZero();
        LedgerRecord forged = forgeStagingVerification();
        String id = LedgerKeys.parse("k", KEY).ids().get(0);

        assertThat(repo.run("ledger", "verify")).isEqualTo(ExitCode.LEDGER_BROKEN);
        assertThat(repo.out())
                .startsWith("UNAUTHENTICATED staging: line 3 (record " + forged.id() + ") has no valid MAC: it"
                        + " carries no MAC; it is not evidence.\n")
                .endsWith(": 3 records in 1 environment checked, 1 record without a valid MAC; MACs checked with the"
                        + " key " + id + ".\n");

        JsonNode json = Schemas.matches("ledger-verify", runJson());
        assertThat(json.get("intact").asBoolean()).isFalse();
        assertThat(json.get("exitCode").asInt()).isEqualTo(ExitCode.LEDGER_BROKEN);
        assertThat(json.get("keys").get(0).asText()).isEqualTo(id);
        JsonNode staging = json.get("environments").get(0);
        assertThat(staging.get("intact").asBoolean())
                .as("the chain itself holds")
                .isTrue();
        assertThat(staging.get("unauthenticated").asLong()).isEqualTo(1);
        assertThat(staging.at("/firstUnauthenticated/kind").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(staging.at("/firstUnauthenticated/id").asText()).isEqualTo(forged.id());
        assertThat(repo.out() + repo.err()).doesNotContain(KEY);
    }

    @Test
    void aKeyFileEveryUserMayWriteIsRefusedAndATooShortKeyIsOneLine() throws Exception {
        repo.environment(Map.of("RELEASE_PROMOTION_LEDGER_KEY_FILE", keyFile.toString()));
        Files.writeString(keyFile, "short\n", StandardCharsets.US_ASCII);

        assertThat(repo.run("history", "--env", "staging")).isEqualTo(ExitCode.USAGE_OR_CONFIGURATION);
        assertThat(repo.err().lines())
                .singleElement()
                .asString()
                .contains("RELEASE_PROMOTION_LEDGER_KEY_FILE", "fewer than 32")
                .doesNotContain("short");

        Files.writeString(keyFile, KEY + "\n", StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThat(repo.run("history", "--env", "staging")).isEqualTo(ExitCode.USAGE_OR_CONFIGURATION);
        assertThat(repo.err()).contains("every user may write").doesNotContain(KEY);
    }

    private String runJson() {
        repo.run("ledger", "verify", "--json");
        return repo.out();
    }
}
