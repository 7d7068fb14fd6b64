package io.jenkins.plugins.releasepromotion.engine.config;

import java.time.Duration;
import java.util.List;

/**
 * The rules a promotion into one environment must pass besides the ones every environment has.
 *
 * @param promotesFrom the environment a tag must have passed verification on first (e.g. {@code staging})
 * @param maxAttestationAge how old that passing verification may be (default 14 days)
 * @param liveVersion whether the staging slot must still report the tag and commit: require, warn or off
 * @param approvers user IDs or group names allowed to approve; empty means no approval is asked
 * @param windows when deploys are allowed; empty means any time
 * @param freezes periods when deploys are refused
 * @param approvals how many distinct approvers a promotion needs (default 1); counted only where there are approvers
 * @param approverKeys the path of an OpenSSH {@code allowed_signers} file of the approvers' keys; where set, the
 *     command line accepts only signed approvals
 */
public record GatesConfig(
        String promotesFrom,
        Duration maxAttestationAge,
        LiveVersionMode liveVersion,
        List<String> approvers,
        List<DeployWindow> windows,
        List<Freeze> freezes,
        int approvals,
        String approverKeys) {

    public static final Duration DEFAULT_MAX_ATTESTATION_AGE = Duration.ofDays(14);
    public static final GatesConfig NONE = new GatesConfig(null, null, null, null, null, null, 0, null);

    public GatesConfig {
        maxAttestationAge = maxAttestationAge == null ? DEFAULT_MAX_ATTESTATION_AGE : maxAttestationAge;
        liveVersion = liveVersion == null ? LiveVersionMode.REQUIRE : liveVersion;
        approvers = approvers == null ? List.of() : List.copyOf(approvers);
        windows = windows == null ? List.of() : List.copyOf(windows);
        freezes = freezes == null ? List.of() : List.copyOf(freezes);
        approvals = approvals < 1 ? 1 : approvals;
        approverKeys = approverKeys == null || approverKeys.isBlank() ? null : approverKeys;
    }
}
