package io.jenkins.plugins.releasepromotion.engine.verify;

import static io.jenkins.plugins.releasepromotion.engine.verify.Harness.COMMIT;
import static io.jenkins.plugins.releasepromotion.engine.verify.Harness.START;
import static io.jenkins.plugins.releasepromotion.engine.verify.Harness.TAG;
import static io.jenkins.plugins.releasepromotion.engine.verify.Harness.only;
import static io.jenkins.plugins.releasepromotion.engine.verify.Harness.version;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.releasepromotion.engine.config.CheckBuilder;
import io.jenkins.plugins.releasepromotion.engine.config.CheckType;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The version endpoint against each rule of the deployment manual's expected response. */
class VersionCheckTest {
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

    private CheckResult versionCheck(String answer) throws InterruptedException {
        app.on("/api/version", TestServer.answer(200, answer));
        return only(harness.verify(
                Harness.deployedSince(app.url(), START),
                CheckBuilder.of(CheckType.VERSION).build()));
    }

    @Test
    void passesWhenTheSlotReportsTheTagCommitAndARecentDeploy() throws Exception {
        CheckResult result = versionCheck(Harness.goodVersion());
        assertThat(result.outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(result.message())
                .isEqualTo("staging slot 1 reports v1.2.3 (commit 9d8e7f6), deployed at 2026-01-24T10:00:30Z");
        assertThat(result.evidence())
                .containsEntry("status", "200 OK")
                .containsEntry(
                        "version",
                        "{\"environment\":\"staging\",\"slot\":1,\"branch\":\"v1.2.3\",\"commit_sha\":\"" + COMMIT
                                + "\",\"deployed_at\":\"2026-01-24T10:00:30Z\"}");
    }

    @Test
    void acceptsACommitPrefixOfSevenCharactersOrMore() throws Exception {
        String answer = version(TAG, "9D8E7F6", "staging", "\"1\"", "2026-01-24T10:00:30.123456+00:00");
        assertThat(versionCheck(answer).outcome()).isEqualTo(CheckOutcome.PASSED);
    }

    @Test
    void refusesACommitPrefixTooShortToTell() throws Exception {
        CheckResult result = versionCheck(version(TAG, "9d8e7f", "staging", 1, "2026-01-24T10:00:30Z"));
        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(result.message())
                .isEqualTo("staging slot 1 reports v1.2.3 (commit 9d8e7f, too short to tell: report at least 7"
                        + " characters), expected v1.2.3 (commit 9d8e7f6)");
    }

    @Test
    void failsOnTheWrongTag() throws Exception {
        CheckResult result = versionCheck(version("v1.2.2", "3f2c1ab", "staging", 1, "2026-01-24T10:00:30Z"));
        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(result.message())
                .isEqualTo("staging slot 1 reports v1.2.2 (commit 3f2c1ab), expected v1.2.3 (commit 9d8e7f6)");
        assertThat(result.evidence().get("version")).contains("\"branch\":\"v1.2.2\"");
    }

    @Test
    void failsOnTheWrongCommitUnderTheRightTag() throws Exception {
        CheckResult result = versionCheck(version(TAG, "3f2c1ab0000", "staging", 1, "2026-01-24T10:00:30Z"));
        assertThat(result.message())
                .isEqualTo("staging slot 1 reports v1.2.3 (commit 3f2c1ab), expected v1.2.3 (commit 9d8e7f6)");
    }

    @Test
    void failsWhenDeployedBeforeThisDeployStarted() throws Exception {
        CheckResult result = versionCheck(version(TAG, COMMIT, "staging", 1, "2026-01-22T10:30:00Z"));
        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(result.message())
                .isEqualTo("staging slot 1 was deployed at 2026-01-22T10:30:00Z, before this deploy started at"
                        + " 2026-01-24T10:00:00Z; the new version is not up yet");
    }

    @Test
    void failsOnADeployTimeThatIsNoTime() throws Exception {
        CheckResult result = versionCheck(version(TAG, COMMIT, "staging", 1, "yesterday"));
        assertThat(result.message())
                .isEqualTo("staging slot 1 reports deployed_at yesterday, which is not an ISO-8601 time like"
                        + " 2025-01-22T10:30:00Z");
    }

    @Test
    void failsWhenTheUrlLeadsToAnotherEnvironmentAndSlot() throws Exception {
        CheckResult result = versionCheck(version(TAG, COMMIT, "production", 2, "2026-01-24T10:00:30Z"));
        assertThat(result.message())
                .isEqualTo("staging slot 1 reports environment production; the url of staging leads to another"
                        + " environment; staging slot 1 reports slot 2; the url of slot 1 leads elsewhere, or the app"
                        + " does not know its slot");
    }

    @Test
    void failsOnMalformedJson() throws Exception {
        CheckResult result = versionCheck("{\"branch\": \"v1.2.3\",");
        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(result.message())
                .isEqualTo("staging slot 1 answered /api/version with something that is not a JSON object"
                        + " ({\"branch\": \"v1.2.3\",); the version endpoint answers like {\"branch\": \"v1.2.3\","
                        + " \"commit_sha\": \"...\"}");
        assertThat(result.evidence()).containsEntry("version", "{\"branch\": \"v1.2.3\",");
    }

    @Test
    void failsOnAServerError() throws Exception {
        app.on("/api/version", TestServer.answer(503, "{\"error\":\"starting\"}"));
        CheckResult result = only(harness.verify(
                Harness.slot1(app.url()), CheckBuilder.of(CheckType.VERSION).build()));
        assertThat(result.message()).isEqualTo("staging slot 1 answered 503 Service Unavailable on /api/version");
        assertThat(result.evidence()).containsEntry("status", "503 Service Unavailable");
    }

    @Test
    void aHugeAnswerFailsAfterOneMebibyteWithoutReadingTheRest() throws Exception {
        AtomicLong written = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        app.on("/api/version", TestServer.streaming(50L << 20, written, done));
        CheckResult result = only(harness.verify(
                Harness.slot1(app.url()), CheckBuilder.of(CheckType.VERSION).build()));
        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(result.message())
                .isEqualTo("GET " + app.url() + "/api/version: 200 with a body larger than 1 MiB; reading stopped"
                        + " there (a check endpoint should answer in a few kilobytes)");
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(written.get()).isLessThan(16L << 20);
    }

    @Test
    void aRedirectToAnotherHostFailsTheCheck() throws Exception {
        app.on("/api/version", TestServer.redirect("https://attacker.example/api/version"));
        CheckResult result = only(harness.verify(
                Harness.slot1(app.url()), CheckBuilder.of(CheckType.VERSION).build()));
        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(result.message())
                .isEqualTo("GET " + app.url() + "/api/version: redirects to https://attacker.example, another host;"
                        + " redirects are followed only on " + app.url() + ", so point the check at the final URL");
    }

    @Test
    void followsAConfiguredPath() throws Exception {
        app.on("/meta/build", TestServer.answer(200, Harness.goodVersion()));
        CheckResult result = only(harness.verify(
                Harness.slot1(app.url() + "/"),
                CheckBuilder.of(CheckType.VERSION).path("/meta/build").build()));
        assertThat(result.outcome()).isEqualTo(CheckOutcome.PASSED);
    }
}
