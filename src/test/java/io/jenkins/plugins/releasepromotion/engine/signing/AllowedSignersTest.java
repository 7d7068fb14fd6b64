package io.jenkins.plugins.releasepromotion.engine.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The allowed_signers format as ssh-keygen(1) describes it under ALLOWED SIGNERS. */
class AllowedSignersTest {
    private static final String KEY =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICTwOJzQN39x+JNyb6ozKT7r/ifRraVu4SdC/EO0Zoyc";

    @Test
    void readsPrincipalsOptionsAndTheKey() {
        AllowedSigners signers = AllowedSigners.parse(
                "# approvers\n\nann,ann@example.com namespaces=\"git,release-promotion\",valid-after=\"20261201\","
                        + "valid-before=\"202701010000Z\" " + KEY + " ann's laptop\n",
                "allowed_signers");

        SignerLine line = signers.linesFor(SignerLine.parse("x " + KEY).key()).get(0);
        assertThat(line.principals()).containsExactly("ann", "ann@example.com");
        assertThat(line.namespaces()).containsExactly("git", "release-promotion");
        assertThat(line.validBefore()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(line.fingerprint()).startsWith("SHA256:");
        assertThat(signers.linesFor(line.key(), "release-promotion", Instant.parse("2026-12-15T00:00:00Z")))
                .hasSize(1);
        assertThat(signers.linesFor(line.key(), "file", Instant.parse("2026-12-15T00:00:00Z")))
                .isEmpty();
        assertThat(signers.linesFor(line.key(), "release-promotion", Instant.parse("2027-01-01T00:00:00Z")))
                .isEmpty();
    }

    @Test
    void skipsACertificateAuthorityWithAWarning() {
        AllowedSigners signers = AllowedSigners.parse("*@example.com cert-authority " + KEY + "\n", "keys");

        assertThat(signers.size()).isZero();
        assertThat(signers.warnings())
                .containsExactly("keys line 1 is a cert-authority line and was skipped; list each approver's own key.");
    }

    @Test
    void refusesPatternsInPrincipals() {
        assertThatThrownBy(() -> AllowedSigners.parse("*@example.com " + KEY, "keys"))
                .hasMessage("keys line 1: principal '*@example.com' is not an approver name; list each approver by"
                        + " name, without patterns");
    }

    @Test
    void refusesUnknownOptionsKeyTypesAndBrokenKeys() {
        assertThatThrownBy(() -> AllowedSigners.parse("ann no-touch-required " + KEY, "keys"))
                .hasMessageStartingWith("keys line 1: option 'no-touch-required' is not supported;");
        assertThatThrownBy(() -> AllowedSigners.parse("ann ssh-dss AAAAB3NzaC1kc3M=", "keys"))
                .hasMessageStartingWith("keys line 1: key type 'ssh-dss' is not supported;");
        assertThatThrownBy(() -> AllowedSigners.parse("ann ssh-ed25519 AAAAnotakey", "keys"))
                .hasMessageStartingWith("keys line 1: the ssh-ed25519 key does not decode");
        assertThatThrownBy(() -> AllowedSigners.parse("ann valid-after=\"2026\" " + KEY, "keys"))
                .hasMessage("keys line 1: valid-after '2026' is not a time; write YYYYMMDD[HHMM[SS]][Z]");
    }
}
