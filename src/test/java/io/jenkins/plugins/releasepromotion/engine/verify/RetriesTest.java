package io.jenkins.plugins.releasepromotion.engine.verify;

import static io.jenkins.plugins.releasepromotion.engine.verify.Harness.only;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.releasepromotion.engine.config.CheckBuilder;
import io.jenkins.plugins.releasepromotion.engine.config.CheckType;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Attempts, exponential backoff with jitter, and the health check's successes in a row. */
class RetriesTest {
    private final Harness harness = new Harness();
    private TestServer app;

    @BeforeEach
    void start() throws IOException {
        app = TestServer.http();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void retriesWaitOneTwoFourSecondsWithinTwentyPercent() throws Exception {
        app.on("/api/version", TestServer.statuses(503));
        CheckResult result = only(harness.verify(
                Harness.slot1(app.url()),
                CheckBuilder.of(CheckType.VERSION).retries(3).build()));
        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(result.attempts()).isEqualTo(4);
        List<Duration> sleeps = harness.time.sleeps();
        assertThat(sleeps).hasSize(3);
        assertWithinJitter(sleeps.get(0), 1000);
        assertWithinJitter(sleeps.get(1), 2000);
        assertWithinJitter(sleeps.get(2), 4000);
        assertThat(sleeps).as("jitter varies the waits").doesNotContain(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(result.duration()).isEqualTo(sleeps.stream().reduce(Duration.ZERO, Duration::plus));
    }

    @Test
    void healthAsksTheAppToHoldItsAnswerUntilHealthyForASecondLessThanTheTimeout() throws Exception {
        List<String> preferences = new java.util.concurrent.CopyOnWriteArrayList<>();
        app.on("/api/health", exchange -> {
            preferences.add(String.valueOf(exchange.getRequestHeaders().getFirst("Prefer")));
            TestServer.send(exchange, 200, "{\"status\":\"ok\"}");
        });

        harness.verify(
                Harness.slot1(app.url()),
                CheckBuilder.of(CheckType.HEALTH)
                        .consecutive(1)
                        .timeout(Duration.ofSeconds(10))
                        .build());
        harness.verify(
                Harness.slot1(app.url()),
                CheckBuilder.of(CheckType.HEALTH)
                        .consecutive(1)
                        .timeout(Duration.ofMillis(1500))
                        .build());

        assertThat(preferences).containsExactly("wait=9", "null");
    }

    @Test
    void anAppThatHeldTheRequestAsAskedIsAskedAgainAtOnceWithoutBackoff() throws Exception {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        app.on("/api/health", exchange -> {
            if (calls.incrementAndGet() < 3) {
                exchange.getResponseHeaders().set("Preference-Applied", "wait=9");
                TestServer.send(exchange, 503, "{\"status\":\"starting\"}");
            } else {
                TestServer.send(exchange, 200, "{\"status\":\"ok\"}");
            }
        });

        CheckResult result = only(harness.verify(
                Harness.slot1(app.url()),
                CheckBuilder.of(CheckType.HEALTH).consecutive(1).retries(5).build()));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(result.attempts()).isEqualTo(3);
        assertThat(harness.time.sleeps()).containsOnly(Duration.ZERO);
    }

    @Test
    void aStartingAppIsAskedAtLeastEveryFiveSecondsByTheHealthCheck() throws Exception {
        app.on("/api/health", TestServer.statuses(503));

        harness.verify(
                Harness.slot1(app.url()),
                CheckBuilder.of(CheckType.HEALTH).consecutive(1).retries(6).build());

        List<Duration> sleeps = harness.time.sleeps();
        assertThat(sleeps).hasSize(6);
        assertWithinJitter(sleeps.get(0), 1000);
        assertWithinJitter(sleeps.get(1), 2000);
        assertWithinJitter(sleeps.get(2), 4000);
        assertThat(sleeps.subList(3, 6))
                .allSatisfy(d -> assertThat(d).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(5)));
    }

    @Test
    void aHealthBackoffConfiguredLongerThanFiveSecondsIsKept() throws Exception {
        app.on("/api/health", TestServer.statuses(503));

        harness.verify(
                Harness.slot1(app.url()),
                CheckBuilder.of(CheckType.HEALTH)
                        .consecutive(1)
                        .retries(2)
                        .backoff(Duration.ofSeconds(8))
                        .build());

        assertThat(harness.time.sleeps())
                .allSatisfy(d -> assertThat(d).isBetween(Duration.ofMillis(6400), Duration.ofSeconds(8)));
    }

    @Test
    void backoffNeverWaitsLongerThanThirtySeconds() throws Exception {
        app.on("/api/version", TestServer.statuses(503));
        harness.verify(
                Harness.slot1(app.url()),
                CheckBuilder.of(CheckType.VERSION)
                        .retries(5)
                        .backoff(Duration.ofSeconds(10))
                        .build());
        List<Duration> sleeps = harness.time.sleeps();
        assertWithinJitter(sleeps.get(0), 10_000);
        assertWithinJitter(sleeps.get(1), 20_000);
        assertThat(sleeps.subList(2, 5))
                .allSatisfy(d -> assertThat(d).isBetween(Duration.ofSeconds(24), Duration.ofSeconds(30)));
    }

    @Test
    void logsEveryAttemptWithItsTimeAndTheNextWait() throws Exception {
        app.on("/api/health", TestServer.statuses(503, 200));
        harness.verify(
                Harness.slot1(app.url()),
                CheckBuilder.of(CheckType.HEALTH).consecutive(1).retries(2).build());
        assertThat(harness.log.get(1))
                .matches("\\[verify] health attempt 1/3 on staging slot 1: 503 Service"
                        + " Unavailable \\(0\\.0 s\\); next in [0-9.]+ s");
        assertThat(harness.log.get(2)).isEqualTo("[verify] health attempt 2/3 on staging slot 1: 200 OK (0.0 s)");
        assertThat(harness.log.get(3))
                .matches("\\[verify] health passed on staging slot 1 after 2 attempts \\([0-9.]+ s\\)");
    }

    @Test
    void healthThatFlapsPassesOnceItAnswersConsecutivelyEnough() throws Exception {
        app.on("/api/health", TestServer.statuses(503, 200, 503, 200, 200, 200));
        CheckResult result = only(harness.verify(
                Harness.slot1(app.url()),
                CheckBuilder.of(CheckType.HEALTH).consecutive(3).retries(5).build()));
        assertThat(result.outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(result.attempts()).isEqualTo(6);
        assertThat(result.message()).isEqualTo("200 OK (3 in a row)");
        assertThat(result.evidence()).containsEntry("status", "200 OK");
        List<Duration> sleeps = harness.time.sleeps();
        assertWithinJitter(sleeps.get(0), 1000);
        assertThat(sleeps.get(1)).as("between successes: the plain backoff").isEqualTo(Duration.ofSeconds(1));
        assertWithinJitter(sleeps.get(2), 2000);
        assertThat(sleeps.subList(3, 5)).containsOnly(Duration.ofSeconds(1));
    }

    @Test
    void healthGivesUpAsSoonAsTheRemainingAttemptsCannotMakeARow() throws Exception {
        app.on("/api/health", TestServer.statuses(503));
        CheckResult result = only(harness.verify(
                Harness.slot1(app.url()),
                CheckBuilder.of(CheckType.HEALTH).consecutive(3).retries(2).build()));
        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(result.attempts()).isEqualTo(3);
        assertThat(result.message()).isEqualTo("503 Service Unavailable; needed 3 successes in a row, got at most 0");
        assertThat(result.evidence())
                .containsEntry("status", "503 Service Unavailable")
                .containsEntry("body", "{\"status\":\"down\"}");
    }

    @Test
    void aConnectionRefusedEveryTimeFailsAfterTheRetries() throws Exception {
        String url = app.url();
        app.close();
        CheckResult result = only(harness.verify(
                Harness.slot1(url),
                CheckBuilder.of(CheckType.HEALTH).consecutive(1).retries(1).build()));
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(result.message())
                .isEqualTo("GET " + url + "/api/health: connection to " + url.substring("http://".length())
                        + " refused; is the application running?");
        assertThat(result.evidence()).containsEntry("status", "no answer");
    }

    @Test
    void aHangingApplicationTimesOutEachAttempt() throws Exception {
        app.on("/api/health", app.hanging());
        CheckResult result = only(harness.verify(
                Harness.slot1(app.url()),
                CheckBuilder.of(CheckType.HEALTH)
                        .consecutive(1)
                        .timeout(Duration.ofMillis(200))
                        .build()));
        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(result.message())
                .isEqualTo("GET " + app.url() + "/api/health: no answer within 0.2 s; the application is slow or"
                        + " hanging (raise timeout if it is only slow)");
    }

    private static void assertWithinJitter(Duration actual, long expectedMillis) {
        assertThat(actual.toMillis()).isBetween(Math.round(expectedMillis * 0.8), Math.round(expectedMillis * 1.2));
    }
}
