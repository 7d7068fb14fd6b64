package io.jenkins.plugins.releasepromotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import io.jenkins.plugins.releasepromotion.engine.usecase.ApprovalEvidence;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The approval prompt: only a typed yes approves; no terminal, an ended input and silence never do. */
class ApprovalPromptTest {
    private static final ApprovalEvidence EVIDENCE = new ApprovalEvidence(
            "v1.2.3",
            "3f2c1ab0000000000000000000000000000000ab",
            "production",
            null,
            "### Fixed\n- Login redirect\n",
            null,
            List.of(new ApprovalEvidence.ChecklistItem("Rollback plan ready", "Rollback plan for production: v1.2.2")));

    @Test
    void withoutATerminalNothingIsAskedAndItIsRejected() throws Exception {
        ApprovalPrompt.Decision decision =
                new ApprovalPrompt(Terminal.none(), Duration.ofMinutes(1)).ask(EVIDENCE, one("alice"));
        assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(decision.approver()).isNull();
    }

    @Test
    void aNameAndYesApprove() throws Exception {
        StringWriter screen = new StringWriter();
        ApprovalPrompt.Decision decision = ask("bob\nYES\n", screen, Duration.ofMinutes(1));
        assertThat(decision.approved()).isTrue();
        assertThat(decision.approver()).isEqualTo("bob");
        assertThat(screen.toString())
                .contains("Approval needed: v1.2.3 to production")
                .contains("    - Login redirect")
                .contains("    [x] Rollback plan ready\n        Rollback plan for production: v1.2.2")
                .contains("Approved by (one of alice, bob): ");
    }

    @Test
    void anythingButYesRejects() throws Exception {
        assertThat(ask("bob\ny\n", new StringWriter(), Duration.ofMinutes(1)).outcome())
                .isEqualTo(Outcome.REJECTED);
        assertThat(ask("\n", new StringWriter(), Duration.ofMinutes(1)).reason())
                .isEqualTo("no approver named");
        assertThat(ask("bob\n", new StringWriter(), Duration.ofMinutes(1)).outcome())
                .as("input ended before the yes")
                .isEqualTo(Outcome.REJECTED);
    }

    @Test
    void silenceExpires() throws Exception {
        try (PipedWriter keyboard = new PipedWriter();
                PipedReader in = new PipedReader(keyboard)) {
            ApprovalPrompt.Decision decision = new ApprovalPrompt(
                            Terminal.of(in, new StringWriter()), Duration.ofMillis(300))
                    .ask(EVIDENCE, one("alice"));
            assertThat(decision.outcome()).isEqualTo(Outcome.EXPIRED);
            assertThat(decision.reason()).isEqualTo("no answer within 0.3s");
        }
    }

    @Test
    void aNameIsCheckedAsItIsTypedAndAskedAgainUpToThreeTimes() throws Exception {
        StringWriter screen = new StringWriter();
        ApprovalPrompt.Decision decision = ask("eve\ncarol\nbob\nyes\n", screen, Duration.ofMinutes(1));

        assertThat(decision.approved()).isTrue();
        assertThat(decision.approvers()).containsExactly("bob");
        assertThat(screen.toString())
                .contains("  eve is not one of the approvers (alice, bob); name one of them.\n")
                .contains("  carol is not one of the approvers");
        ApprovalPrompt.Decision tooMany = ask("eve\nmallory\ntrudy\nbob\nyes\n", screen, Duration.ofMinutes(1));
        assertThat(tooMany.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(screen.toString())
                .contains("trudy is not one of the approvers (alice, bob); name one of them. That"
                        + " was the last try.");
    }

    @Test
    void theStarterIsNotAskedForUnlessUnderBreakGlass() throws Exception {
        StringWriter screen = new StringWriter();
        ApprovalPrompt.Decision decision = new ApprovalPrompt(
                        Terminal.of(new StringReader("alice\nbob\nyes\n"), screen), Duration.ofMinutes(1))
                .ask(EVIDENCE, new ApprovalPrompt.Quorum(List.of("alice", "bob"), 1, "alice", false));

        assertThat(decision.approvers()).containsExactly("bob");
        assertThat(screen.toString())
                .contains("  alice started this promotion and may not approve it too; name another"
                        + " approver (or start it again with --break-glass REASON).");
        assertThat(new ApprovalPrompt(Terminal.of(new StringReader("alice\nyes\n"), screen), Duration.ofMinutes(1))
                        .ask(EVIDENCE, new ApprovalPrompt.Quorum(List.of("alice", "bob"), 1, "alice", true))
                        .approvers())
                .containsExactly("alice");
    }

    @Test
    void aQuorumAsksUntilEnoughDistinctApproversSaidYes() throws Exception {
        StringWriter screen = new StringWriter();
        ApprovalPrompt.Decision decision = new ApprovalPrompt(
                        Terminal.of(new StringReader("alice\nyes\nalice\nbob\nyes\n"), screen), Duration.ofMinutes(1))
                .ask(EVIDENCE, new ApprovalPrompt.Quorum(List.of("alice", "bob", "carol"), 2, "dave", false));

        assertThat(decision.approved()).isTrue();
        assertThat(decision.approvers()).containsExactly("alice", "bob");
        assertThat(screen.toString())
                .contains("alice, type yes to promote v1.2.3 to production: ")
                .contains("  1 of 2 approved: alice\n")
                .contains("  alice has approved already; each approver counts once, name another one.")
                .contains("  2 of 2 approved: alice, bob\n");
    }

    private static ApprovalPrompt.Quorum one(String approver) {
        return new ApprovalPrompt.Quorum(List.of(approver), 1, null, false);
    }

    private static ApprovalPrompt.Decision ask(String answers, StringWriter screen, Duration timeout) throws Exception {
        return new ApprovalPrompt(Terminal.of(new StringReader(answers), screen), timeout)
                .ask(EVIDENCE, new ApprovalPrompt.Quorum(List.of("alice", "bob"), 1, "carol", false));
    }
}
