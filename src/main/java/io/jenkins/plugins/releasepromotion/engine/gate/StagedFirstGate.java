package io.jenkins.plugins.releasepromotion.engine.gate;

import io.jenkins.plugins.releasepromotion.engine.config.GatesConfig;
import io.jenkins.plugins.releasepromotion.engine.config.LiveVersionMode;
import io.jenkins.plugins.releasepromotion.engine.gate.Facts.LiveVersion;
import io.jenkins.plugins.releasepromotion.engine.gate.Facts.Verification;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import io.jenkins.plugins.releasepromotion.engine.model.ReleaseTag;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A tag reaches an environment that promotes from another only after it passed verification there, for the same
 * commit, recently, with no failure since, and (by default) while that slot still runs it.
 */
final class StagedFirstGate implements PromotionGate {

    @Override
    public void check(GateFacts facts, ReleaseTag tag, Findings out) {
        GatesConfig gates = facts.environment().gates();
        String source = gates.promotesFrom();
        if (source == null || tag == null) {
            return;
        }
        String commit = facts.tag().commit();
        List<Verification> ofTag = facts.sourceVerifications().stream()
                .filter(v -> source.equals(v.environment()) && tag.name().equals(v.tag()))
                .sorted(Comparator.comparing(Verification::at).reversed())
                .toList();
        Optional<Verification> passed = ofTag.stream()
                .filter(v -> v.passed() && Objects.equals(commit, v.commit()))
                .findFirst();
        if (passed.isEmpty()) {
            refuseUnstaged(tag, commit, source, ofTag, out);
            return;
        }
        Verification attestation = passed.get();
        Duration age = Duration.between(attestation.at(), facts.now());
        if (age.compareTo(gates.maxAttestationAge()) > 0) {
            out.refuse(
                    ViolationCode.ATTESTATION_STALE,
                    "The last passing verification of " + tag + " on "
                            + Text.where(source, attestation.slot()) + " is " + Text.age(age) + " old, more than the "
                            + Text.age(gates.maxAttestationAge()) + " allowed; verify it on " + source + " again.");
        }
        ofTag.stream()
                .filter(v -> v.outcome() == Outcome.VERIFY_FAILED && Objects.equals(commit, v.commit()))
                .filter(v -> v.at().isAfter(attestation.at()))
                .findFirst()
                .ifPresent(failed -> out.refuse(
                        ViolationCode.LATER_FAILED_VERIFICATION,
                        tag + " failed"
                                + " verification on " + Text.where(source, failed.slot()) + " at " + failed.at()
                                + ", after it passed at " + attestation.at() + "; fix it and verify it on " + source
                                + " again."));
        checkLive(facts, tag, commit, source, attestation, out);
    }

    private static void refuseUnstaged(
            ReleaseTag tag, String commit, String source, List<Verification> ofTag, Findings out) {
        Optional<Verification> otherCommit = ofTag.stream()
                .filter(v -> v.passed() && !Objects.equals(commit, v.commit()))
                .findFirst();
        if (otherCommit.isPresent()) {
            out.refuse(
                    ViolationCode.STAGED_COMMIT_MISMATCH,
                    tag + " now points to commit " + Text.shortCommit(commit)
                            + " but " + source + " verified commit "
                            + Text.shortCommit(otherCommit.get().commit())
                            + "; the tag moved after verification: deploy " + tag + " to " + source
                            + " and verify it again, or restore the tag.");
            return;
        }
        out.refuse(
                ViolationCode.NOT_STAGED,
                tag + " was never verified on " + source + " (no passing verification"
                        + " of commit " + Text.shortCommit(commit) + "); deploy it to a " + source
                        + " slot and verify it first.");
    }

    private static void checkLive(
            GateFacts facts, ReleaseTag tag, String commit, String source, Verification attestation, Findings out) {
        LiveVersionMode mode = facts.environment().gates().liveVersion();
        if (mode == LiveVersionMode.OFF) {
            return;
        }
        List<LiveVersion> live = facts.live();
        if (live == null) {
            out.warn(
                    ViolationCode.LIVE_VERSION_NOT_CHECKED,
                    "The live version of " + source + " was not checked; " + tag + " relies on the ledger alone.");
            return;
        }
        if (live.stream().anyMatch(v -> v.reports(tag.name(), commit))) {
            return;
        }
        String seen = live.stream()
                .filter(v -> Objects.equals(v.slot(), attestation.slot()))
                .findFirst()
                .map(v -> v.error() != null
                        ? "could not be read (" + v.error() + ")"
                        : "reports " + v.tag() + " (" + Text.shortCommit(v.commit()) + ")")
                .orElse("was not looked at");
        out.refuseOrWarn(
                mode == LiveVersionMode.WARN,
                ViolationCode.STAGING_NO_LONGER_RUNS_TAG,
                "No " + source
                        + " slot runs " + tag + " (" + Text.shortCommit(commit) + ") any more: "
                        + Text.where(source, attestation.slot()) + " " + seen + "; deploy " + tag + " to " + source
                        + " and verify it again.");
    }
}
