package io.jenkins.plugins.releasepromotion.engine.gate;

import io.jenkins.plugins.releasepromotion.engine.config.BackupConfig;
import io.jenkins.plugins.releasepromotion.engine.config.DeployConfig;
import io.jenkins.plugins.releasepromotion.engine.config.DeployWindow;
import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig;
import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentKind;
import io.jenkins.plugins.releasepromotion.engine.config.Freeze;
import io.jenkins.plugins.releasepromotion.engine.config.GatesConfig;
import io.jenkins.plugins.releasepromotion.engine.config.LiveVersionMode;
import io.jenkins.plugins.releasepromotion.engine.config.ScriptDeployConfig;
import io.jenkins.plugins.releasepromotion.engine.gate.Facts.Deployed;
import io.jenkins.plugins.releasepromotion.engine.gate.Facts.LiveVersion;
import io.jenkins.plugins.releasepromotion.engine.gate.Facts.TagFact;
import io.jenkins.plugins.releasepromotion.engine.gate.Facts.Verification;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Environments and facts shaped like the mission's: three staging slots, production promoted from staging. */
final class GateFixtures {
    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    static final String C123 = "1230000000000000000000000000000000000000";
    static final String C124 = "1240000000000000000000000000000000000000";
    static final String C122 = "1220000000000000000000000000000000000000";

    private GateFixtures() {}

    static EnvironmentConfig staging() {
        return new EnvironmentConfig(
                "staging",
                EnvironmentKind.STAGING,
                3,
                "https://staging-{slot}.example.com",
                null,
                script(),
                List.of(),
                GatesConfig.NONE,
                null,
                null);
    }

    static EnvironmentConfig production() {
        return production(gates(LiveVersionMode.REQUIRE, List.of(), List.of(), List.of()), null);
    }

    static EnvironmentConfig production(GatesConfig gates, BackupConfig backup) {
        return new EnvironmentConfig(
                "production",
                EnvironmentKind.PRODUCTION,
                0,
                "https://example.com",
                null,
                script(),
                List.of(),
                gates,
                backup,
                null);
    }

    static GatesConfig gates(
            LiveVersionMode live, List<String> approvers, List<DeployWindow> windows, List<Freeze> freezes) {
        return new GatesConfig("staging", Duration.ofDays(7), live, approvers, windows, freezes, 1, null);
    }

    static DeployConfig script() {
        return new DeployConfig(new ScriptDeployConfig(List.of("./deploy.sh", "{tag}"), null, null), null);
    }

    static Verification passed(String tag, String commit, Instant at) {
        return new Verification("staging", 1, tag, commit, Outcome.SUCCEEDED, at);
    }

    static Verification failed(String tag, String commit, Instant at) {
        return new Verification("staging", 1, tag, commit, Outcome.VERIFY_FAILED, at);
    }

    static LiveVersion live(String tag, String commit) {
        return new LiveVersion("staging", 1, "https://staging-1.example.com/api/version", tag, commit, null);
    }

    static Deployed running(String tag, String commit) {
        return new Deployed("production", null, tag, commit, NOW.minus(Duration.ofDays(3)));
    }

    /** Facts under which v1.2.4 may go to production: staged yesterday, still live, production runs v1.2.3. */
    static GateFacts.Builder goodPromotion(EnvironmentConfig env) {
        return GateFacts.builder(
                        PromotionRequest.of("v1.2.4", env.name(), null), env, TagFact.annotated("v1.2.4", C124), NOW)
                .current(running("v1.2.3", C123), false)
                .rollbackTarget(running("v1.2.3", C123), true)
                .sourceVerifications(List.of(passed("v1.2.4", C124, NOW.minus(Duration.ofDays(1)))))
                .live(List.of(live("v1.2.4", C124)))
                .changelog(Facts.Changelog.notes("### Fixed\n- Bug in Y"));
    }
}
