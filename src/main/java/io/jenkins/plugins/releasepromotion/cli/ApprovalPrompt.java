package io.jenkins.plugins.releasepromotion.cli;

import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import io.jenkins.plugins.releasepromotion.engine.model.TerminalText;
import io.jenkins.plugins.releasepromotion.engine.usecase.ApprovalEvidence;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * The command line's counterpart of the Pipeline {@code input} step: shows the evidence and asks each approver for a
 * name and a yes until the quorum is met. A name is checked as it is typed (an approver, not the starter, not twice)
 * and asked again, three tries in all. Nothing but a typed "yes" approves; no terminal, an ended input or no answer
 * in time never do. The
 * terminal filters everything shown; a field from the ledger is one line even when it holds a line break.
 */
final class ApprovalPrompt {
    private static final int TRIES = 3;

    /**
     * @param approvers who approved (the last one may have said no), in the order they answered
     * @param outcome {@code SUCCEEDED}, {@code REJECTED} or {@code EXPIRED}
     * @param reason why not, or {@code null}
     */
    record Decision(Outcome outcome, List<String> approvers, String reason) {
        Decision {
            approvers = List.copyOf(approvers);
        }

        boolean approved() {
            return outcome == Outcome.SUCCEEDED;
        }

        /** The approvers' names, comma-separated; {@code null} when nobody answered. */
        String approver() {
            return approvers.isEmpty() ? null : String.join(", ", approvers);
        }
    }

    /**
     * What the prompt asks for.
     *
     * @param approvers who may approve
     * @param needed how many distinct approvers
     * @param starter who started the promotion: never an approver, unless under break-glass
     * @param breakGlass whether a break-glass reason was given
     */
    record Quorum(List<String> approvers, int needed, String starter, boolean breakGlass) {}

    private final Terminal terminal;
    private final Duration timeout;

    ApprovalPrompt(Terminal terminal, Duration timeout) {
        this.terminal = terminal;
        this.timeout = timeout;
    }

    Decision ask(ApprovalEvidence evidence, Quorum quorum) throws InterruptedException {
        if (!terminal.interactive()) {
            return new Decision(Outcome.REJECTED, List.of(), "no terminal to ask on and no --approved-by given");
        }
        show(terminal.out(), evidence, quorum.approvers());
        List<String> names = new ArrayList<>();
        try {
            while (names.size() < quorum.needed()) {
                Optional<String> name = name(quorum, names);
                if (name.isEmpty()) {
                    return new Decision(
                            Outcome.REJECTED,
                            names,
                            names.isEmpty() ? "no approver named" : "no further approver named");
                }
                String who = name.get();
                Optional<String> yes = terminal.ask(
                        (quorum.needed() > 1 ? who + ", type" : "Type") + " yes to promote " + evidence.tag() + " to "
                                + where(evidence) + ": ",
                        timeout);
                names.add(who);
                if (yes.isEmpty() || !yes.get().toLowerCase(Locale.ROOT).equals("yes")) {
                    return new Decision(Outcome.REJECTED, names, "rejected at the prompt");
                }
                if (quorum.needed() > 1) {
                    terminal.out()
                            .println("  " + names.size() + " of " + quorum.needed() + " approved: "
                                    + String.join(", ", names));
                }
            }
            return new Decision(Outcome.SUCCEEDED, names, null);
        } catch (TimeoutException e) {
            terminal.out().println();
            return new Decision(
                    Outcome.EXPIRED,
                    names,
                    "no answer within " + timeout.toString().substring(2).toLowerCase(Locale.ROOT));
        }
    }

    /** An approver's name, checked as it is typed; asked up to three times. Empty when none was given. */
    private Optional<String> name(Quorum quorum, List<String> named) throws TimeoutException, InterruptedException {
        for (int attempt = 1; attempt <= TRIES; attempt++) {
            Optional<String> name =
                    terminal.ask("Approved by (one of " + String.join(", ", quorum.approvers()) + "): ", timeout);
            if (name.isEmpty() || name.get().isEmpty()) {
                return Optional.empty();
            }
            String problem = problem(name.get(), quorum, named);
            if (problem == null) {
                return name;
            }
            terminal.out().println("  " + problem + (attempt < TRIES ? "" : " That was the last try."));
            terminal.out().flush();
        }
        return Optional.empty();
    }

    private static String problem(String name, Quorum quorum, List<String> named) {
        String who = DisplayText.of(name);
        if (!quorum.approvers().contains(name)) {
            return who + " is not one of the approvers (" + String.join(", ", quorum.approvers()) + "); name one of"
                    + " them.";
        }
        if (named.contains(name)) {
            return who + " has approved already; each approver counts once, name another one.";
        }
        if (name.equals(quorum.starter()) && !quorum.breakGlass()) {
            return who + " started this promotion and may not approve it too; name another approver (or start it"
                    + " again with --break-glass REASON).";
        }
        return null;
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
