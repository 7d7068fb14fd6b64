package io.jenkins.plugins.releasepromotion.cli;

import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import io.jenkins.plugins.releasepromotion.engine.model.TerminalText;
import io.jenkins.plugins.releasepromotion.engine.usecase.ApprovalEvidence;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * The command line's counterpart of the Pipeline {@code input} step: shows the approver the evidence and asks for a
 * name and a yes. Nothing but a typed "yes" approves; no terminal, an ended input or no answer in time never do. The
 * terminal filters everything shown; a field from the ledger is one line even when it holds a line break.
 */
final class ApprovalPrompt {
    /**
     * @param approver who approved, or why not
     * @param outcome {@code SUCCEEDED}, {@code REJECTED} or {@code EXPIRED}
     */
    record Decision(Outcome outcome, String approver, String reason) {
        boolean approved() {
            return outcome == Outcome.SUCCEEDED;
        }
    }

    private final Terminal terminal;
    private final Duration timeout;

    ApprovalPrompt(Terminal terminal, Duration timeout) {
        this.terminal = terminal;
        this.timeout = timeout;
    }

    Decision ask(ApprovalEvidence evidence, List<String> approvers) throws InterruptedException {
        if (!terminal.interactive()) {
            return new Decision(Outcome.REJECTED, null, "no terminal to ask on and no --approved-by given");
        }
        show(terminal.out(), evidence, approvers);
        try {
            Optional<String> name =
                    terminal.ask("Approved by (one of " + String.join(", ", approvers) + "): ", timeout);
            if (name.isEmpty() || name.get().isEmpty()) {
                return new Decision(Outcome.REJECTED, null, "no approver named");
            }
            Optional<String> yes =
                    terminal.ask("Type yes to promote " + evidence.tag() + " to " + where(evidence) + ": ", timeout);
            if (yes.isPresent() && yes.get().toLowerCase(Locale.ROOT).equals("yes")) {
                return new Decision(Outcome.SUCCEEDED, name.get(), null);
            }
            return new Decision(Outcome.REJECTED, name.get(), "rejected at the prompt");
        } catch (TimeoutException e) {
            terminal.out().println();
            return new Decision(
                    Outcome.EXPIRED,
                    null,
                    "no answer within " + timeout.toString().substring(2).toLowerCase(Locale.ROOT));
        }
    }

    static void show(PrintWriter out, ApprovalEvidence evidence, List<String> approvers) {
        out.println();
        out.println("Approval needed: " + evidence.tag() + " to " + where(evidence));
        out.println("  Tag:     " + evidence.tag());
        out.println("  Commit:  " + evidence.commit());
        LedgerRecord attestation = evidence.attestation();
        if (attestation != null) {
            out.println("  Verified on " + attestation.environment()
                    + (attestation.slot() == null ? "" : " slot " + attestation.slot()) + " at "
                    + attestation.finishedAt() + " by " + TerminalText.of(attestation.actor()) + ": "
                    + TerminalText.of(attestation.evidence().getOrDefault("summary", "passed")));
        }
        out.println("  Release notes:");
        String notes = evidence.releaseNotes() == null
                ? "(none)"
                : evidence.releaseNotes().strip();
        TerminalText.lines(notes).forEach(l -> out.println(l.isBlank() ? "" : "    " + l));
        out.println("  Checklist:");
        for (ApprovalEvidence.ChecklistItem item : evidence.checklist()) {
            out.println((item.applies() ? "    [x] " : "    [-] ") + item.item());
            out.println("        " + TerminalText.of(item.evidence()));
        }
        out.println("  Approvers: " + String.join(", ", approvers));
        out.flush();
    }

    private static String where(ApprovalEvidence evidence) {
        return evidence.slot() == null ? evidence.environment() : evidence.environment() + " slot " + evidence.slot();
    }
}
