package io.jenkins.plugins.releasepromotion.engine.verify;

import io.jenkins.plugins.releasepromotion.engine.config.CheckConfig;
import io.jenkins.plugins.releasepromotion.engine.config.CheckMode;
import io.jenkins.plugins.releasepromotion.engine.config.CheckType;
import io.jenkins.plugins.releasepromotion.engine.port.LogSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/**
 * Runs a check's attempts: until it passes (a health check: {@code consecutive} times in a row), fails conclusively,
 * or runs out of attempts ({@code retries} more than it needs to pass), waiting with {@link Backoff} in between. One
 * line per attempt, one for the result.
 */
final class AttemptLoop {
    private final Clock clock;
    private final Sleeper sleeper;
    private final Random random;
    private final Redaction redaction;

    AttemptLoop(Clock clock, Sleeper sleeper, Random random, Redaction redaction) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
        this.redaction = redaction;
    }

    CheckResult run(CheckConfig config, Check check, CheckContext context, LogSink log) throws InterruptedException {
        int needed = config.type() == CheckType.HEALTH ? Math.max(1, config.consecutive()) : 1;
        int budget = Math.max(0, config.retries()) + needed;
        Backoff backoff = config.type() == CheckType.HEALTH
                ? new Backoff(config.backoff(), random, Backoff.HEALTH_CAP)
                : new Backoff(config.backoff(), random);
        Instant start = clock.instant();
        int attempts = 0;
        int streak = 0;
        int best = 0;
        int failures = 0;
        while (true) {
            Instant before = clock.instant();
            Attempt attempt = check.attempt(config, context);
            attempts++;
            streak = attempt.passed() ? streak + 1 : 0;
            best = Math.max(best, streak);
            failures += attempt.passed() ? 0 : 1;
            boolean done = streak == needed || attempt.conclusive() || budget - attempts < needed - streak;
            Duration wait = attempt.passed()
                    ? backoff.betweenSuccesses()
                    : attempt.paced() ? Duration.ZERO : backoff.afterFailure(failures);
            log.line("[verify] " + config.name() + " attempt " + attempts + "/" + budget + " on " + context.where()
                    + ": " + redaction.message(attempt.message()) + " (" + since(before) + ")"
                    + (done ? "" : "; next in " + Times.text(wait)));
            if (done) {
                return finish(config, context, attempt, attempts, Duration.between(start, clock.instant()), best, log);
            }
            sleeper.sleep(wait);
        }
    }

    private CheckResult finish(
            CheckConfig config,
            CheckContext context,
            Attempt last,
            int attempts,
            Duration took,
            int best,
            LogSink log) {
        int needed = config.type() == CheckType.HEALTH ? Math.max(1, config.consecutive()) : 1;
        String message = last.message();
        if (needed > 1) {
            message += last.passed()
                    ? " (" + needed + " in a row)"
                    : "; needed " + needed + " successes in a row, got at most " + best;
        }
        message = redaction.message(message);
        CheckOutcome outcome = last.passed() ? CheckOutcome.PASSED : CheckOutcome.FAILED;
        CheckResult result = new CheckResult(
                config.name(),
                config.type(),
                config.mode(),
                outcome,
                attempts,
                took,
                message,
                redaction.evidence(last.evidence()));
        log.line("[verify] " + verdict(result) + " on " + context.where() + " after " + attempts
                + (attempts == 1 ? " attempt" : " attempts") + " (" + Times.text(took) + ")"
                + (last.passed() ? "" : ": " + message));
        return result;
    }

    private static String verdict(CheckResult result) {
        if (result.outcome() == CheckOutcome.PASSED) {
            return result.name() + " passed" + (result.mode() == CheckMode.SHADOW ? " (shadow)" : "");
        }
        return switch (result.mode()) {
            case ENFORCE -> result.name() + " FAILED";
            case WARN -> "warning: " + result.name() + " failed";
            case SHADOW -> result.name() + " failed (shadow: recorded only)";
        };
    }

    private String since(Instant before) {
        return Times.text(Duration.between(before, clock.instant()));
    }
}
