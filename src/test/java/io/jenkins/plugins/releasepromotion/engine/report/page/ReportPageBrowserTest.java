package io.jenkins.plugins.releasepromotion.engine.report.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.releasepromotion.browser.FocusedElement;
import io.jenkins.plugins.releasepromotion.browser.HeadlessBrowser;
import io.jenkins.plugins.releasepromotion.engine.ledger.JsonLinesLedger;
import io.jenkins.plugins.releasepromotion.engine.ledger.Ledger;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.ledger.RecordKind;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import io.jenkins.plugins.releasepromotion.engine.report.CommitTimes;
import io.jenkins.plugins.releasepromotion.engine.report.ReleaseRecord;
import io.jenkins.plugins.releasepromotion.engine.report.ReportFixture;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page of the ledger whose figures are known by hand ({@link ReportFixture}), opened in headless Chromium: what a
 * person sees, at a phone's width and on a large screen, with the keyboard alone, and that it asks nothing of the
 * network.
 */
class ReportPageBrowserTest {
    /** The smallest text a page may show, in CSS pixels. */
    private static final double READABLE = 12;

    @TempDir
    static Path dir;

    private static HeadlessBrowser browser;
    private static Path page;

    @BeforeAll
    static void writeThePage() throws IOException {
        Ledger ledger = ReportFixture.write(dir.resolve("ledger"));
        page = dir.resolve("report.html");
        Files.writeString(
                page,
                ReportPage.standalone(new ReleaseRecord(ReportFixture.config(), ledger, CommitTimes.recorded())
                        .read(ReportFixture.WINDOW, ReportFixture.NOW)),
                StandardCharsets.UTF_8);
        browser = HeadlessBrowser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void tilesShowWhatRunsWhereWithTheirFlags() {
        browser.open(page.toUri(), 1280, 900);

        assertThat(browser.all(".rp-tile h3"))
                .containsExactly("staging slot 1 staging", "staging slot 2 staging", "production production");
        assertThat(browser.text("#env-production .rp-tag")).isEqualTo("v1.2.2 " + shortCommit("v1.2.2"));
        assertThat(browser.text("#env-production dl"))
                .contains("bob, carol", "VERIFY_FAILED v1.2.2, 2026-11-29 10:00 UTC");
        assertThat(browser.text("#env-staging-2 .rp-flag-uncertain")).contains("v1.2.1", "DEPLOY_FAILED");
        assertThat(browser.isVisible("#env-staging-2 .rp-flag-uncertain")).isTrue();
        assertThat(browser.all("#env-staging-1 .rp-flag")).isEmpty();
    }

    @Test
    void theFourFiguresShowTheValuesKnownByHand() {
        browser.open(page.toUri(), 1280, 900);

        assertThat(browser.text("#figure-deploymentFrequency .rp-value")).isEqualTo("1 per week");
        assertThat(browser.text("#figure-leadTime .rp-value")).isEqualTo("18h");
        assertThat(browser.text("#figure-changeFailureRate .rp-value")).isEqualTo("50%");
        assertThat(browser.text("#figure-timeToRestore .rp-value")).isEqualTo("1h");
        assertThat(browser.text("#figure-timeToRestore .rp-counted")).isEqualTo("median of 3 (of 4)");
        assertThat(browser.text("#figure-leadTime .rp-definition")).startsWith("The median time from the commit");
    }

    @Test
    void theRecordsOfAFigureAreOneClickAway() {
        browser.open(page.toUri(), 1280, 900);
        assertThat(browser.isVisible("#figure-changeFailureRate table")).isFalse();

        browser.script("document.querySelector('#figure-changeFailureRate summary').click()");

        assertThat(browser.isVisible("#figure-changeFailureRate table")).isTrue();
        assertThat(browser.all("#figure-changeFailureRate tbody tr td:nth-child(3)"))
                .containsExactly("v1.2.2", "v1.2.1", "v1.2.0", "v1.1.1", "v1.1.0", "v1.0.0");
        assertThat(browser.all("#figure-changeFailureRate tbody tr td:nth-child(5)"))
                .filteredOn(text -> text.startsWith("failed"))
                .hasSize(3);
    }

    @Test
    void thePageAsksNothingOfTheNetworkAndLogsNoError() {
        browser.open(page.toUri(), 1280, 900);

        assertThat(browser.requests()).isEmpty();
        assertThat(browser.consoleErrors()).isEmpty();
        assertThat(browser.script("return document.querySelectorAll('script, link, img, iframe').length"))
                .isEqualTo(0L);
    }

    @Test
    void theKeyboardReachesEachMarkOfTheTimelineAndItsDetails() {
        browser.open(page.toUri(), 1280, 900);
        assertThat(browser.isVisible(".rp-tip")).isFalse();

        FocusedElement focused = null;
        for (int i = 0; i < 10 && (focused == null || !focused.className().contains("rp-mark")); i++) {
            browser.pressTab();
            focused = browser.focusedElement();
        }

        assertThat(focused.className()).contains("rp-mark");
        assertThat(browser.isVisible(".rp-mark:focus .rp-tip")).isTrue();
        assertThat(browser.text(".rp-mark:focus .rp-tip")).contains("staging slot");
        assertThat(focused.ariaLabel()).contains("staging slot", "2026-11");
        browser.pressTab();
        assertThat(browser.focusedElement().ariaLabel()).isNotEqualTo(focused.ariaLabel());
        assertThat(browser.script("return [...document.querySelectorAll('.rp-tip')]"
                        + ".filter(t => getComputedStyle(t).visibility === 'visible').length"))
                .isEqualTo(1L);
    }

    @Test
    void hoverShowsAMarksDetailsToo() {
        browser.open(page.toUri(), 1280, 900);

        browser.hover("[data-environment=production] .rp-failure .rp-shape");

        assertThat(browser.isVisible(".rp-mark:hover .rp-tip")).isTrue();
        assertThat(browser.text(".rp-mark:hover .rp-tip")).contains("production");
    }

    @Test
    void aPhoneWidthKeepsTheTextReadableAndNothingWiderThanTheScreen() {
        browser.open(page.toUri(), 320, 640);

        assertThat(browser.viewportWidth()).isEqualTo(320);
        assertThat(browser.documentScrollWidth()).isLessThanOrEqualTo(320);
        assertThat(browser.smallestFontSizePx("body *")).isGreaterThanOrEqualTo(READABLE);
        assertThat(browser.isVisible("#figure-leadTime .rp-value")).isTrue();
        // The timeline scrolls in its own box and opens on its newest end.
        assertThat(browser.script("const box = document.querySelector('.rp-scroll');"
                        + " return box.scrollWidth > box.clientWidth"
                        + " && Math.abs(box.scrollLeft) < 1"
                        + " && box.querySelector('svg').getBoundingClientRect().right"
                        + " <= box.getBoundingClientRect().right + 1"))
                .isEqualTo(true);
    }

    @Test
    void aLargeScreenKeepsTheTextReadableAndTheTilesSideBySide() {
        browser.open(page.toUri(), 2560, 1440);

        assertThat(browser.documentScrollWidth()).isLessThanOrEqualTo(2560);
        assertThat(browser.smallestFontSizePx("body *")).isGreaterThanOrEqualTo(READABLE);
        Object rows = browser.script("return new Set([...document.querySelectorAll('.rp-tile')]"
                + ".map(t => Math.round(t.getBoundingClientRect().top))).size");
        assertThat(rows).as("rows of tiles").isEqualTo(1L);
        // A timeline narrower than its box starts at the box's left edge.
        assertThat(browser.script(
                        "return Math.round(document.querySelector('.rp-timeline').getBoundingClientRect().left"
                                + " - document.querySelector('.rp-scroll').getBoundingClientRect().left)"))
                .isIn(0L, 1L);
    }

    @Test
    void hostileTextInTheLedgerIsShownAsTextNeverRunAsMarkup() throws IOException {
        Path hostile = dir.resolve("hostile");
        Ledger ledger = new JsonLinesLedger(hostile.resolve("ledger"));
        ReportFixture fixture = new ReportFixture(ledger);
        String tag = "<script>document.title='owned'</script>";
        String actor = "\"eve' <img src=http://127.0.0.1:9/x onerror=alert(1)>";
        fixture.deploy(
                "production", null, tag, "2026-11-28T10:00:00Z", Outcome.SUCCEEDED, "2026-11-28T09:00:00Z", actor);
        LedgerRecord withReason = LedgerRecord.started(
                        RecordKind.ROLLBACK,
                        "staging",
                        1,
                        "v1.0.0\nv9.9.9",
                        "abc",
                        actor,
                        ReportFixture.NOW.minusSeconds(3_600))
                .withReason("line one\n<b>line two</b>")
                .withApprovals(List.of(new LedgerRecord.Approver("</text><text>x", "\"proof\"")), "break\nglass");
        ledger.append(withReason);
        ledger.append(withReason.finish(Outcome.SUCCEEDED, ReportFixture.NOW.minusSeconds(3_000)));
        Path file = hostile.resolve("report.html");
        Files.writeString(
                file,
                ReportPage.standalone(new ReleaseRecord(ReportFixture.config(), ledger, CommitTimes.recorded())
                        .read(ReportFixture.WINDOW, ReportFixture.NOW)));

        browser.open(file.toUri(), 1280, 900);

        assertThat(browser.script("return document.title")).isEqualTo("Release record");
        assertThat(browser.script("return document.querySelectorAll('script, img, b, svg text text').length"))
                .isEqualTo(0L);
        assertThat(browser.requests()).isEmpty();
        assertThat(browser.consoleErrors()).isEmpty();
        assertThat(browser.text("#env-production .rp-tag")).startsWith(tag);
        assertThat(browser.text("#env-production dl")).contains(actor);
        assertThat(browser.text("#env-staging-1 .rp-flag-glass")).isEqualTo("Break-glass: break glass");
        assertThat(browser.attribute("[data-environment=staging] .rp-mark", "aria-label"))
                .contains("v1.0.0\nv9.9.9", "Reason: line one\n<b>line two</b>");
        assertThat(browser.text("#env-staging-1 dl")).contains("</text><text>x");
    }

    @Test
    void theFragmentWorksUnderAPolicyThatAllowsOnlyTheSitesOwnStylesheet() throws IOException {
        String fragment = ReportPage.fragment(
                new ReleaseRecord(
                                ReportFixture.config(),
                                ReportFixture.write(dir.resolve("policy-ledger")),
                                CommitTimes.recorded())
                        .read(ReportFixture.WINDOW, ReportFixture.NOW),
                BuildLinks.under("/jenkins/"));
        // Stricter than Jenkins' own policy (jenkins.security.csp.impl.BaseContributor and CompatibleContributor,
        // jenkins-2.541.3: default-src 'self', and style-src 'unsafe-inline' which this one leaves out).
        String policy = "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'";
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serve(
                server,
                "/jenkins/releases/",
                "text/html",
                policy,
                "<!DOCTYPE html><html><head><title>Releases</title>"
                        + "<link rel=\"stylesheet\" href=\"/jenkins/plugin/release-promotion/css/report.css\"></head><body>"
                        + fragment + "</body></html>");
        serve(server, "/jenkins/plugin/release-promotion/css/report.css", "text/css", policy, ReportPage.css());
        server.start();
        try {
            String root = "http://127.0.0.1:" + server.getAddress().getPort();
            browser.open(java.net.URI.create(root + "/jenkins/releases/"), 1280, 900);

            assertThat(browser.consoleErrors()).isEmpty();
            assertThat(browser.requests()).containsExactly(root + "/jenkins/plugin/release-promotion/css/report.css");
            assertThat(browser.computedStyle("#env-production", "border-top-width"))
                    .isEqualTo("6px");
            assertThat(fragment).doesNotContain("style=", "<style", "<script");
        } finally {
            server.stop(0);
        }
    }

    private static void serve(HttpServer server, String path, String type, String policy, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        server.createContext(path, exchange -> {
            exchange.getResponseHeaders().add("Content-Type", type + "; charset=utf-8");
            exchange.getResponseHeaders().add("Content-Security-Policy", policy);
            exchange.sendResponseHeaders(200, bytes.length);
            try (var out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
    }

    private static String shortCommit(String tag) {
        return ReportFixture.commit(tag).substring(0, 7);
    }
}
