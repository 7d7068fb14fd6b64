package io.jenkins.plugins.releasepromotion.engine.usecase;

import io.jenkins.plugins.releasepromotion.engine.config.BakeConfig;
import io.jenkins.plugins.releasepromotion.engine.config.CheckConfig;
import io.jenkins.plugins.releasepromotion.engine.config.CheckMode;
import io.jenkins.plugins.releasepromotion.engine.config.CheckType;
import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig;
import io.jenkins.plugins.releasepromotion.engine.deploy.DeployTarget;
import io.jenkins.plugins.releasepromotion.engine.port.LogSink;
import io.jenkins.plugins.releasepromotion.engine.verify.VerificationTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * After a verified deploy, keeps watching health for the environment's bake window (the mission's "monitor health"
 * after production). Returns why it failed, if it did.
 */
final class BakeWindow {
    private final Engine engine;
    private final LogSink log;

    BakeWindow(Engine engine, LogSink log) {
        this.engine = engine;
        this.log = log;
    }

    Optional<VerificationStep.Outcome> watch(DeployTarget target) throws InterruptedException {
        EnvironmentConfig env = target.environment();
        BakeConfig bake = env.bake();
        if (bake == null || bake.duration().isZero()) {
            return Optional.empty();
        }
        log.line("Bake window: watching health of " + DeploySequence.where(target) + " for "
                + bake.duration().toSeconds() + " s.");
        Instant start = engine.clock().instant();
        Instant end = start.plus(bake.duration());
        CheckConfig health = healthCheck(env);
        VerificationTarget what = new VerificationTarget(env, target.slot(), target.tag(), target.commit(), null);
        int rounds = 0;
        for (Instant now = start; now.isBefore(end); now = engine.clock().instant()) {
            Duration left = Duration.between(now, end);
            engine.sleeper().sleep(left.compareTo(bake.interval()) < 0 ? left : bake.interval());
            VerificationStep.Outcome outcome =
                    engine.verification().verify(what, List.of(health), null, LogSink.discard());
            rounds++;
            if (!outcome.passed()) {
                long seconds = Duration.between(start, engine.clock().instant()).toSeconds();
                return Optional.of(new VerificationStep.Outcome(
                        false,
                        "health failed " + seconds + " s into the bake window: " + outcome.summary(),
                        outcome.reportJson()));
            }
        }
        log.line("Bake window passed: " + rounds + " health checks in "
                + bake.duration().toSeconds() + " s.");
        return Optional.empty();
    }

    /** The environment's own health check, asked once per round. */
    private static CheckConfig healthCheck(EnvironmentConfig env) {
        CheckConfig own = env.checks().stream()
                .filter(c -> c.type() == CheckType.HEALTH)
                .findFirst()
                .orElse(null);
        return new CheckConfig(
                CheckType.HEALTH,
                "bake-health",
                CheckMode.ENFORCE,
                own == null ? null : own.timeout(),
                0,
                null,
                own == null ? null : own.path(),
                1,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
