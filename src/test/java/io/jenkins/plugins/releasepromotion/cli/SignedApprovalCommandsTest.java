package io.jenkins.plugins.releasepromotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.releasepromotion.engine.signing.ApprovalStatement;
import io.jenkins.plugins.releasepromotion.engine.signing.SshKeygen;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Production takes two signed approvals: statements written by {@code approval request}, signed by the real {@code
 * ssh-keygen -Y sign}, given to {@code promote --approval}; every forgery is refused with one line.
 */
class SignedApprovalCommandsTest {
    private ScriptRepo repo;
    private SshKeygen keygen;
    private Path ann;
    private Path bob;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void repository(@TempDir Path dir) throws Exception {
        repo = ScriptRepo.create(dir);
        keygen = new SshKeygen(Files.createDirectories(dir.resolve("keys")));
        ann = keygen.key("ann", "ed25519");
        bob = keygen.key("bob", "ecdsa");
        Path signers = Files.writeString(
                dir.resolve("allowed_signers"),
                SshKeygen.signer("ann", null, ann) + "\n" + SshKeygen.signer("bob", null, bob) + "\n");
        Path deploy = repo.script("deploy.sh", "#!/bin/sh\necho \"deploying $1 to $2\"\n");
        repo.configure(
                """
                environments:
                  - name: production
                    kind: production
                    deploy:
                      script:
                        command: ['%s', '{tag}', '{environment}']
                    gates:
                      approvers: [ann, bob, carol]
                      approvals: 2
                      approverKeys: '%s'
                """
                        .formatted(deploy, signers));
    }

    @Test
    void twoRealSignaturesByTwoListedKeysPromote() throws Exception {
        Path first = request("v0.2.0", "first");
        Path second = Files.copy(first, first.resolveSibling("second"));
        keygen.sign(ann, "release-promotion", first);
        keygen.sign(bob, "release-promotion", second);

        int code = run(
                "promote",
                "v0.2.0",
                "--env",
                "production",
                "--approval",
                first.toString(),
                "--approval",
                second.toString(),
                "--actor",
                "ci");

        assertThat(code).as(out + "" + err).isZero();
        assertThat(repo.ledgerText())
                .contains("\"approver\":\"ann, bob\"")
                .contains("{\"name\":\"ann\",\"proof\":\"ssh-ed25519 key SHA256:")
                .contains("{\"name\":\"bob\",\"proof\":\"ecdsa-sha2-nistp256 key SHA256:");
        assertThat(run("history", "--env", "production")).isZero();
        assertThat(out.toString().lines().findFirst().orElseThrow())
                .startsWith("AT ")
                .contains("KIND", "OUTCOME", "ACTOR", "APPROVERS");
        assertThat(out.toString()).containsPattern("APPROVAL .* SUCCEEDED +ci +ann, bob");
        JsonNode history = Schemas.matches("history", jsonOf("history", "--env", "production", "--json"));
        assertThat(history.get(0).at("/approvers/1/proof").asText()).startsWith("ecdsa-sha2-nistp256 key SHA256:");
    }

    @Test
    void oneSignatureIsNotEnoughWhereTwoAreNeeded() throws Exception {
        Path first = request("v0.2.0", "first");
        keygen.sign(ann, "release-promotion", first);

        int code = run("promote", "v0.2.0", "--env", "production", "--approval", first.toString(), "--actor", "ci");

        assertThat(code).isEqualTo(ExitCode.GATE_REFUSED);
        assertThat(out.toString()).contains("production needs 2 approvals from [ann, bob, carol]; 1 so far: ann");
    }

    @Test
    void aTypedNameIsRefusedWhereKeysAreSet() throws Exception {
        int code = run("promote", "v0.2.0", "--env", "production", "--approved-by", "ann", "--approved-by", "bob");

        assertThat(code).isEqualTo(ExitCode.GATE_REFUSED);
        assertThat(out.toString().lines().findFirst().orElseThrow())
                .isEqualTo("REFUSED APPROVAL_NOT_PROVEN: --approved-by ann, bob is a typed name, and production takes"
                        + " signed approvals only (approverKeys is set); have the approver sign a statement and give"
                        + " --approval FILE.");
        assertThat(repo.ledgerText()).contains("\"kind\":\"APPROVAL\"").contains("\"outcome\":\"REJECTED\"");
    }

    @Test
    void withoutAnApprovalWhereKeysAreSetItIsRejected() {
        int code = run("promote", "v0.2.0", "--env", "production", "--actor", "ci");

        assertThat(code).isEqualTo(ExitCode.REJECTED);
        assertThat(out.toString())
                .contains("not approved (no --approval given; production takes signed approvals only)")
                .contains("release-promotion approval request v0.2.0 --env production --out FILE;")
                .contains("give --approval FILE for each.");
    }

    @Test
    void aStatementReplayedForAnotherTagIsRefused() throws Exception {
        Path older = request("v0.1.0", "older");
        Path second = request("v0.2.0", "second");
        keygen.sign(ann, "release-promotion", older);
        keygen.sign(bob, "release-promotion", second);

        assertThat(promote(older, second)).isEqualTo(ExitCode.GATE_REFUSED);
        assertThat(out.toString()).contains("REFUSED APPROVAL_MISMATCH: " + older + " approves v0.1.0, not v0.2.0;");
    }

    @Test
    void aStatementForATagThatMovedIsRefused() throws Exception {
        Path first = request("v0.2.0", "first");
        Path second = Files.copy(first, first.resolveSibling("second"));
        keygen.sign(ann, "release-promotion", first);
        keygen.sign(bob, "release-promotion", second);
        try (Git git = Git.open(repo.repo().toFile())) {
            git.tag()
                    .setName("v0.2.0")
                    .setObjectId(
                            git.getRepository().parseCommit(git.getRepository().resolve("main")))
                    .setAnnotated(true)
                    .setSigned(false)
                    .setForceUpdate(true)
                    .setMessage("Release v0.2.0")
                    .setTagger(new PersonIdent("Dana", "dana@example.com"))
                    .call();
        }

        assertThat(promote(first, second)).isEqualTo(ExitCode.GATE_REFUSED);
        assertThat(out.toString()).contains("(the tag moved after it was signed)");
    }

    @Test
    void anExpiredStatementIsRefused() throws Exception {
        Path fresh = request("v0.2.0", "fresh");
        ApprovalStatement current = ApprovalStatement.parse(Files.readString(fresh));
        Path old = Files.writeString(
                fresh.resolveSibling("old"),
                new ApprovalStatement(
                                current.tag(),
                                current.commit(),
                                current.environment(),
                                current.slot(),
                                Instant.parse("2026-01-01T00:00:00Z"))
                        .text());
        keygen.sign(ann, "release-promotion", old);
        keygen.sign(bob, "release-promotion", fresh);

        assertThat(promote(old, fresh)).isEqualTo(ExitCode.GATE_REFUSED);
        assertThat(out.toString()).contains("REFUSED APPROVAL_EXPIRED: " + old + " expired at 2026-01-01T00:00:00Z;");
    }

    @Test
    void aSignatureInAnotherNamespaceIsRefused() throws Exception {
        Path first = request("v0.2.0", "first");
        Path second = Files.copy(first, first.resolveSibling("second"));
        keygen.sign(ann, "other", first);
        keygen.sign(bob, "release-promotion", second);

        assertThat(promote(first, second)).isEqualTo(ExitCode.GATE_REFUSED);
        assertThat(out.toString())
                .contains("REFUSED APPROVAL_NOT_PROVEN: " + first + ".sig was made for the namespace"
                        + " 'other', not release-promotion;");
    }

    @Test
    void aKeyNotListedIsRefused() throws Exception {
        Path mallory = keygen.key("mallory", "rsa");
        Path first = request("v0.2.0", "first");
        Path second = Files.copy(first, first.resolveSibling("second"));
        keygen.sign(mallory, "release-promotion", first);
        keygen.sign(bob, "release-promotion", second);

        assertThat(promote(first, second)).isEqualTo(ExitCode.GATE_REFUSED);
        assertThat(out.toString())
                .contains("REFUSED APPROVAL_NOT_PROVEN: " + first + ".sig is signed by ssh-rsa key SHA256:")
                .contains("which the approvers' keys do not list");
    }

    @Test
    void onePrincipalTwiceIsRefused() throws Exception {
        Path first = request("v0.2.0", "first");
        Path second = Files.copy(first, first.resolveSibling("second"));
        keygen.sign(ann, "release-promotion", first);
        keygen.sign(ann, "release-promotion", second);

        assertThat(promote(first, second)).isEqualTo(ExitCode.GATE_REFUSED);
        assertThat(out.toString())
                .contains("REFUSED DUPLICATE_APPROVER: " + second + " is signed by ann, who also signed " + first);
    }

    @Test
    void theStarterCountsOnlyUnderBreakGlass() throws Exception {
        Path first = request("v0.2.0", "first");
        Path second = Files.copy(first, first.resolveSibling("second"));
        keygen.sign(ann, "release-promotion", first);
        keygen.sign(bob, "release-promotion", second);

        int refused = run(
                "promote",
                "v0.2.0",
                "--env",
                "production",
                "--approval",
                first.toString(),
                "--approval",
                second.toString(),
                "--actor",
                "ann");
        assertThat(refused).isEqualTo(ExitCode.GATE_REFUSED);
        assertThat(out.toString()).contains("ann started this promotion and may not approve it too");

        int allowed = run(
                "promote",
                "v0.2.0",
                "--env",
                "production",
                "--approval",
                first.toString(),
                "--approval",
                second.toString(),
                "--actor",
                "ann",
                "--break-glass",
                "bob is the only other approver awake");
        assertThat(allowed).as(out + "" + err).isZero();
        assertThat(run("history", "--env", "production", "--limit", "1")).isZero();
        assertThat(out.toString()).contains("ann, bob [BREAK-GLASS: bob is the only other approver awake]");
        assertThat(run("status", "--env", "production", "--offline")).isZero();
        assertThat(out.toString()).contains("BREAK-GLASS: bob is the only other approver awake");
    }

    @Test
    void checkReportsARefusedStatement() throws Exception {
        Path first = request("v0.1.0", "first");
        keygen.sign(ann, "release-promotion", first);

        int code = run("check", "v0.2.0", "--env", "production", "--approval", first.toString());

        assertThat(code).isEqualTo(ExitCode.GATE_REFUSED);
        assertThat(out.toString()).contains("  refused  APPROVAL_MISMATCH: " + first + " approves v0.1.0, not v0.2.0");
    }

    private Path request(String tag, String name) {
        Path file = repo.root().resolve(name);
        assertThat(run("approval", "request", tag, "--env", "production", "--out", file.toString()))
                .as(out + "" + err)
                .isZero();
        assertThat(out.toString()).contains("ssh-keygen -Y sign -n release-promotion -f KEY " + file);
        return file;
    }

    private int promote(Path first, Path second) {
        return run(
                "promote",
                "v0.2.0",
                "--env",
                "production",
                "--approval",
                first.toString(),
                "--approval",
                second.toString(),
                "--actor",
                "ci");
    }

    private String jsonOf(String... args) {
        run(args);
        return out.toString();
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine line = ReleasePromotionCommand.commandLine(Terminal.none(), Map.of());
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(repo.options());
        return line.execute(all.toArray(String[]::new));
    }
}
