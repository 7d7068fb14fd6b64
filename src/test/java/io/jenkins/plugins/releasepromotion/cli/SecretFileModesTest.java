package io.jenkins.plugins.releasepromotion.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.releasepromotion.engine.port.CredentialsException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A secret file other users may read is used with a warning, as OpenSSH warns of a key; one anyone may write, never. */
class SecretFileModesTest {
    private static final String VARIABLE = "RELEASE_PROMOTION_API_SECRET_FILE";

    @TempDir
    Path dir;

    private Path secret(String mode) throws Exception {
        Path file = dir.resolve("secret-" + mode);
        Files.writeString(file, "token-4711\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    @Test
    void aFileOnlyItsOwnerReadsIsUsedWithoutAWord() throws Exception {
        Path file = secret("rw-------");
        EnvironmentCredentials credentials = new EnvironmentCredentials(Map.of(VARIABLE, file.toString()));
        assertThat(credentials.secretText("api").secret()).isEqualTo("token-4711");
        assertThat(credentials.warnings()).isEmpty();
        assertThat(new EnvironmentCredentials(
                                Map.of(VARIABLE, secret("r--------").toString()))
                        .warnings())
                .isEmpty();
    }

    @Test
    void aFileOthersMayReadIsUsedWithAWarningNamingItsModeAndTheFix() throws Exception {
        Path file = secret("rw-r--r--");
        EnvironmentCredentials credentials = new EnvironmentCredentials(Map.of(VARIABLE, file.toString()));
        assertThat(credentials.secretText("api").secret()).isEqualTo("token-4711");
        assertThat(credentials.warnings())
                .containsExactly("warning: " + VARIABLE + " names " + file + ", which other users may read (mode"
                        + " 0644, rw-r--r--); it is used, but keep a secret to yourself: chmod 600 " + file);
        assertThat(new EnvironmentCredentials(
                                Map.of(VARIABLE, secret("rw-r-----").toString()))
                        .warnings())
                .singleElement()
                .asString()
                .contains("may read (mode 0640, rw-r-----)");
        assertThat(new EnvironmentCredentials(
                                Map.of(VARIABLE, secret("rw-rw----").toString()))
                        .warnings())
                .singleElement()
                .asString()
                .contains("may read or change (mode 0660, rw-rw----)");
    }

    @Test
    void aFileEveryUserMayWriteIsRefused() throws Exception {
        for (String mode : new String[] {"rw-rw-rw-", "rw-----w-"}) {
            Path file = secret(mode);
            EnvironmentCredentials credentials = new EnvironmentCredentials(Map.of(VARIABLE, file.toString()));
            assertThatThrownBy(() -> credentials.secretText("api"))
                    .isInstanceOf(CredentialsException.class)
                    .hasMessage(VARIABLE + " names " + file + ", which every user may write (mode "
                            + (mode.equals("rw-rw-rw-") ? "0666" : "0602") + ", " + mode + "), so it may not hold"
                            + " your secret; write it anew and run 'chmod 600 " + file + "'.")
                    .hasMessageNotContaining("token-4711");
        }
    }

    @Test
    void theCommandPrintsTheWarningOnStandardErrorBeforeItWorks() throws Exception {
        CliRepo repo =
                CliRepo.create(dir.resolve("repo")).config(CliTest.CONFIG).deployScript();
        Path file = secret("rw-r--r--");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = ReleasePromotionCommand.commandLine(Terminal.none(), Map.of(VARIABLE, file.toString()));
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        int code = line.execute(
                "promote", "v1.0.0", "--env", "staging", "--slot", "1", "--repo", repo.dir.toString(), "--no-verify");
        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString().lines().findFirst().orElseThrow())
                .isEqualTo("release-promotion: warning: " + VARIABLE + " names " + file + ", which other users may"
                        + " read (mode 0644, rw-r--r--); it is used, but keep a secret to yourself: chmod 600 " + file);
    }
}
