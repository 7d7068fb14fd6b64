package io.jenkins.plugins.releasepromotion.engine.signing;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.releasepromotion.engine.gate.Approval;
import io.jenkins.plugins.releasepromotion.engine.gate.GateViolation;
import io.jenkins.plugins.releasepromotion.engine.gate.ViolationCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Statements signed by the real {@code ssh-keygen -Y sign}, checked in-process against an allowed_signers file. */
class SignedApprovalsTest {
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final String COMMIT = "3f2c1ab9d0e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8";
    private static final ApprovalStatement PROMOTED =
            new ApprovalStatement("v1.2.3", COMMIT, "production", null, NOW.plusSeconds(3600));

    @TempDir
    Path dir;

    private SshKeygen keygen() {
        return new SshKeygen(dir);
    }

    @ParameterizedTest
    @CsvSource({"ed25519,", "ecdsa,256", "ecdsa,384", "ecdsa,521", "rsa,3072"})
    void acceptsASignatureMadeBySshKeygen(String type, String bits) throws Exception {
        Path key = bits == null ? keygen().key("ann", type) : keygen().key("ann", type, "-b", bits);
        Path statement = statement("a", PROMOTED);
        keygen().sign(key, "release-promotion", statement);

        SignedApprovals.Result result = verify(signers(SshKeygen.signer("ann", null, key)), statement);

        assertThat(result.refusals()).isEmpty();
        Approval approval = result.approvals().get(0);
        assertThat(approval.approver()).isEqualTo("ann");
        assertThat(approval.proof()).matches("(ssh-ed25519|ecdsa-sha2-nistp\\d+|ssh-rsa) key SHA256:[A-Za-z0-9+/]+");
    }

    @Test
    void refusesASignatureForAnotherNamespace() throws Exception {
        Path key = keygen().key("ann", "ed25519");
        Path statement = statement("a", PROMOTED);
        keygen().sign(key, "other", statement);

        assertThat(refusal(signers(SshKeygen.signer("ann", null, key)), statement))
                .isEqualTo(new GateViolation(
                        ViolationCode.APPROVAL_NOT_PROVEN,
                        statement + ".sig was made for the namespace 'other', not release-promotion; sign it with"
                                + " ssh-keygen -Y sign -n release-promotion."));
    }

    @Test
    void refusesAStatementChangedAfterItWasSigned() throws Exception {
        Path key = keygen().key("ann", "ed25519");
        Path statement = statement("a", new ApprovalStatement("v1.2.2", COMMIT, "production", null, NOW));
        keygen().sign(key, "release-promotion", statement);
        Files.writeString(statement, PROMOTED.text());

        GateViolation refused = refusal(signers(SshKeygen.signer("ann", null, key)), statement);

        assertThat(refused.code()).isEqualTo(ViolationCode.APPROVAL_NOT_PROVEN);
        assertThat(refused.message()).contains("is not a valid signature of " + statement);
    }

    @Test
    void refusesAKeyTheApproversFileDoesNotList() throws Exception {
        Path listed = keygen().key("ann", "ed25519");
        Path stranger = keygen().key("mallory", "ed25519");
        Path statement = statement("a", PROMOTED);
        keygen().sign(stranger, "release-promotion", statement);

        GateViolation refused = refusal(signers(SshKeygen.signer("ann", null, listed)), statement);

        assertThat(refused.code()).isEqualTo(ViolationCode.APPROVAL_NOT_PROVEN);
        assertThat(refused.message())
                .startsWith(statement + ".sig is signed by ssh-ed25519 key SHA256:")
                .contains("which the approvers' keys do not list");
    }

    @Test
    void refusesAKeyListedOnlyForAnotherNamespaceOrTime() throws Exception {
        Path key = keygen().key("ann", "ed25519");
        Path statement = statement("a", PROMOTED);
        keygen().sign(key, "release-promotion", statement);

        assertThat(refusal(signers(SshKeygen.signer("ann", "namespaces=\"git\"", key)), statement)
                        .message())
                .contains("do not list for release-promotion at " + NOW);
        assertThat(refusal(signers(SshKeygen.signer("ann", "valid-before=\"20261201Z\"", key)), statement)
                        .code())
                .isEqualTo(ViolationCode.APPROVAL_NOT_PROVEN);
        assertThat(verify(
                                signers(SshKeygen.signer(
                                        "ann", "namespaces=\"git,release-*\",valid-after=\"20261201\"", key)),
                                statement)
                        .approvals())
                .hasSize(1);
    }

    @Test
    void refusesAStatementForAnotherTagEnvironmentOrSlot() throws Exception {
        Path key = keygen().key("ann", "ed25519");
        String signer = SshKeygen.signer("ann", null, key);
        Path otherTag = signed(key, "tag", new ApprovalStatement("v1.2.2", COMMIT, "production", null, NOW));
        Path otherEnv = signed(key, "env", new ApprovalStatement("v1.2.3", COMMIT, "staging", null, NOW));
        Path otherSlot = signed(key, "slot", new ApprovalStatement("v1.2.3", COMMIT, "production", 2, NOW));

        assertThat(refusal(signers(signer), otherTag))
                .isEqualTo(new GateViolation(
                        ViolationCode.APPROVAL_MISMATCH,
                        otherTag + " approves v1.2.2, not v1.2.3; request and sign an approval for this promotion"
                                + " (release-promotion approval request)."));
        assertThat(refusal(signers(signer), otherEnv).message())
                .contains("approves a promotion to staging, not production");
        assertThat(refusal(signers(signer), otherSlot).message())
                .contains("approves production slot 2, not production");
    }

    @Test
    void refusesAStatementForTheCommitATagPointedToBeforeItMoved() throws Exception {
        Path key = keygen().key("ann", "ed25519");
        Path before = signed(
                key,
                "moved",
                new ApprovalStatement("v1.2.3", "1111111111111111111111111111111111111111", "production", null, NOW));

        assertThat(refusal(signers(SshKeygen.signer("ann", null, key)), before).message())
                .contains("approves v1.2.3 at commit 1111111111111111111111111111111111111111, but v1.2.3 now points"
                        + " to " + COMMIT + " (the tag moved after it was signed)");
    }

    @Test
    void refusesAnExpiredStatement() throws Exception {
        Path key = keygen().key("ann", "ed25519");
        Path old = signed(key, "old", new ApprovalStatement("v1.2.3", COMMIT, "production", null, NOW.minusSeconds(1)));

        assertThat(refusal(signers(SshKeygen.signer("ann", null, key)), old))
                .isEqualTo(new GateViolation(
                        ViolationCode.APPROVAL_EXPIRED,
                        old + " expired at 2026-12-02T09:59:59Z; request and sign a new approval"
                                + " (release-promotion approval request)."));
    }

    @Test
    void countsEachPrincipalOnceEvenWithTwoKeys() throws Exception {
        Path laptop = keygen().key("ann", "ed25519");
        Path desktop = keygen().key("ann", "ecdsa");
        Path first = signed(laptop, "first", PROMOTED);
        Path second = signed(desktop, "second", PROMOTED);

        SignedApprovals.Result result = new SignedApprovals(
                        signers(SshKeygen.signer("ann", null, laptop), SshKeygen.signer("ann", null, desktop)), NOW)
                .verify(List.of(first, second), PROMOTED);

        assertThat(result.approvals()).extracting(Approval::approver).containsExactly("ann");
        assertThat(result.refusals())
                .containsExactly(new GateViolation(
                        ViolationCode.DUPLICATE_APPROVER,
                        second + " is signed by ann, who also signed " + first
                                + "; each approver counts once, ask another one."));
    }

    @Test
    void aMissingSignatureIsOneLine() throws Exception {
        Path statement = statement("a", PROMOTED);

        assertThat(refusal(signers(), statement).message())
                .isEqualTo(statement + ".sig does not exist: it should be the signature; sign the statement with"
                        + " ssh-keygen -Y sign -n release-promotion -f KEY " + statement + ".");
    }

    private Path signed(Path key, String name, ApprovalStatement statement) throws Exception {
        Path file = statement(name, statement);
        keygen().sign(key, "release-promotion", file);
        return file;
    }

    private Path statement(String name, ApprovalStatement statement) throws IOException {
        return Files.writeString(dir.resolve(name + ".approval"), statement.text());
    }

    private static AllowedSigners signers(String... lines) {
        return AllowedSigners.parse(String.join("\n", lines) + "\n", "allowed_signers");
    }

    private static SignedApprovals.Result verify(AllowedSigners signers, Path statement) {
        return new SignedApprovals(signers, NOW).verify(List.of(statement), PROMOTED);
    }

    private static GateViolation refusal(AllowedSigners signers, Path statement) {
        SignedApprovals.Result result = verify(signers, statement);
        assertThat(result.approvals()).isEmpty();
        return result.refusals().get(0);
    }
}
