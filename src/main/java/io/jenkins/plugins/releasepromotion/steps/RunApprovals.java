package io.jenkins.plugins.releasepromotion.steps;

import hudson.AbortException;
import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig;
import io.jenkins.plugins.releasepromotion.engine.gate.Approval;
import io.jenkins.plugins.releasepromotion.engine.gate.ViolationCode;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The approvals a promotion counts in Jenkins: the {@code input} records of this run ({@link InputRecords}) asked
 * after the last passing verification of the tag on the environment it promotes from, each approver with their
 * groups. {@code approvedBy}, when given, names whose records count; a name without one is refused with {@link
 * ViolationCode#APPROVAL_NOT_RECORDED}. A typed name alone is never an approval.
 */
final class RunApprovals {
    private final StepRun run;
    private final String tag;
    private final String environment;

    RunApprovals(StepRun run, String tag, String environment) {
        this.run = run;
        this.tag = tag;
        this.environment = environment;
    }

    /** @param approvedBy one user ID or several, comma-separated; {@code null} for every recorded approver */
    List<Approval> of(String approvedBy) throws AbortException {
        Instant since = verifiedAt().orElse(null);
        List<InputRecords.Submitted> recorded = InputRecords.before(run.node(), since);
        List<Approval> approvals = new ArrayList<>();
        for (InputRecords.Submitted submitted : approvedBy == null ? recorded : named(approvedBy, recorded, since)) {
            approvals.add(new Approval(
                    submitted.userId(), run.approverIdentities(submitted.userId()), submitted.proof(run.buildUrl())));
        }
        return approvals;
    }

    /**
     * Who refused, for the record of a refused approval: their input record when there is one, else the name as the
     * pipeline gave it (a refusal allows nothing, so it is recorded either way, with how it is known).
     */
    List<Approval> refusedBy(String approvedBy) {
        if (approvedBy == null) {
            return List.of();
        }
        List<InputRecords.Submitted> recorded = InputRecords.before(run.node(), null);
        List<Approval> approvals = new ArrayList<>();
        for (String name : names(approvedBy)) {
            approvals.add(find(name, recorded)
                    .map(s -> new Approval(s.userId(), Set.of(), s.proof(run.buildUrl())))
                    .orElseGet(() -> Approval.named(name, Messages.RunApprovals_NamedOnly())));
        }
        return approvals;
    }

    private List<InputRecords.Submitted> named(String approvedBy, List<InputRecords.Submitted> recorded, Instant since)
            throws AbortException {
        List<InputRecords.Submitted> chosen = new ArrayList<>();
        for (String name : names(approvedBy)) {
            Optional<InputRecords.Submitted> submitted = find(name, recorded);
            if (submitted.isEmpty()) {
                String after = since == null ? "" : Messages.RunApprovals_After(tag, sourceOf(), since);
                throw ConsoleLog.abort(Messages.RunApprovals_NotRecorded(
                        ViolationCode.APPROVAL_NOT_RECORDED, name, after, tag, environment));
            }
            if (!chosen.contains(submitted.get())) {
                chosen.add(submitted.get());
            }
        }
        return chosen;
    }

    /**
     * The record of that user. Jenkins compares user IDs without case by default, and the {@code input} step's
     * submitter parameter carries the login as typed while its record carries the user's ID: either finds the record,
     * and the record's ID is what counts.
     */
    private static Optional<InputRecords.Submitted> find(String name, List<InputRecords.Submitted> recorded) {
        return recorded.stream().filter(s -> s.userId().equalsIgnoreCase(name)).findFirst();
    }

    static Set<String> names(String approvedBy) {
        Set<String> names = new LinkedHashSet<>();
        for (String name : approvedBy.split(",")) {
            if (!name.isBlank()) {
                names.add(name.strip());
            }
        }
        return names;
    }

    /** When the tag last passed verification on the environment this one promotes from; empty when there is none. */
    private Optional<Instant> verifiedAt() throws AbortException {
        String source = sourceOf();
        if (source == null) {
            return Optional.empty();
        }
        return run.ledger().verifications(source, tag).stream()
                .filter(r -> r.outcome() == Outcome.SUCCEEDED)
                .map(LedgerRecord::finishedAt)
                .findFirst();
    }

    private String sourceOf() {
        return run.config()
                .environment(environment)
                .map(EnvironmentConfig::gates)
                .map(gates -> gates.promotesFrom())
                .orElse(null);
    }
}
