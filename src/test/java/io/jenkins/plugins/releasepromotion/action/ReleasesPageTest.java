package io.jenkins.plugins.releasepromotion.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.releasepromotion.config.Environment;
import io.jenkins.plugins.releasepromotion.config.ReleasePromotionConfiguration;
import io.jenkins.plugins.releasepromotion.config.ScriptDeploy;
import io.jenkins.plugins.releasepromotion.engine.ledger.JsonLinesLedger;
import io.jenkins.plugins.releasepromotion.engine.ledger.Ledger;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.ledger.RecordKind;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import io.jenkins.plugins.releasepromotion.engine.report.ReportFixture;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jenkins.model.Jenkins;
import jenkins.model.TestJenkins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.access.AccessDeniedException;

/** The Releases page shows the release record of the configured environments, read from the configured ledger. */
class ReleasesPageTest {
    static final String VIEW = "io/jenkins/plugins/releasepromotion/action/ReleasesPage/index.jelly";

    @TempDir
    Path dir;

    final ReleasePromotionConfiguration config = new ReleasePromotionConfiguration();
    TestJenkins jenkins;
    Path ledgerDir;

    @BeforeEach
    void configure() {
        ledgerDir = dir.resolve("ledger");
        config.setLedgerDirectory(ledgerDir.toString());
        config.setEnvironments(
                List.of(environment("staging", "staging", 2), environment("production", "production", 0)));
        jenkins = TestJenkins.install(dir.resolve("jenkins").toFile())
                .register(ReleasePromotionConfiguration.class, config)
                .grant(Jenkins.READ);
    }

    @AfterEach
    void uninstall() {
        TestJenkins.uninstall();
    }

    static Environment environment(String name, String kind, int slots) {
        Environment env = new Environment(name, new ScriptDeploy(List.of("./deploy.sh", "{tag}")));
        env.setKind(kind);
        env.setSlots(slots == 0 ? null : slots);
        return env;
    }

    static void deploy(Ledger ledger, String env, Integer slot, String tag, Instant at, String buildUrl) {
        ledger.append(LedgerRecord.started(RecordKind.DEPLOYMENT, env, slot, tag, "c0ffee" + tag, "alice", at)
                .withBuildUrl(buildUrl)
                .finish(Outcome.SUCCEEDED, at.plusSeconds(60)));
    }

    static String figure(String page, String key) {
        Matcher m = Pattern.compile("id=\"figure-" + key + "\".*?<p class=\"rp-value\">([^<]*)</p>", Pattern.DOTALL)
                .matcher(page);
        assertThat(m.find()).as(key).isTrue();
        return m.group(1);
    }

    @Test
    void showsATileForEverySlotOfTheConfiguredEnvironmentsFromTheConfiguredLedger() {
        Instant now = Instant.now();
        JsonLinesLedger ledger = new JsonLinesLedger(ledgerDir);
        deploy(ledger, "staging", 1, "v1.4.0", now.minus(Duration.ofHours(5)), "job/app/12/");
        deploy(ledger, "production", null, "v1.3.0", now.minus(Duration.ofHours(3)), "job/app/11/");

        ReleasesPage.View view = new ReleasesPage().view(null, "/jenkins");

        assertThat(view.problem()).isNull();
        assertThat(view.notice()).isNull();
        assertThat(view.report())
                .startsWith("<div class=\"rp-report\">")
                .contains("id=\"env-staging-1\"", "id=\"env-staging-2\"", "id=\"env-production\"")
                .contains("v1.4.0", "v1.3.0")
                .contains("href=\"/jenkins/job/app/12/\"", "href=\"/jenkins/job/app/11/\"")
                .contains("the last 12 weeks")
                .doesNotContain("<style", "<script", "style=\"");
        assertThat(figure(view.report(), "deploymentFrequency")).isEqualTo("0.1 per week");
    }

    @Test
    void theWeeksOfTheAddressChooseTheWindowAndABadValueFallsBackToTwelveSayingSo() {
        ReleasesPage.View chosen = new ReleasesPage().view("26", "");
        ReleasesPage.View refused = new ReleasesPage().view("1000", "");

        assertThat(chosen.notice()).isNull();
        assertThat(chosen.report()).contains("the last 26 weeks");
        assertThat(refused.notice()).contains("weeks=1000", "from 1 to 104", "last 12 weeks");
        assertThat(refused.report()).contains("the last 12 weeks");
    }

    @Test
    void theFiguresAreThoseOfALedgerKnownByHand() {
        String page = ReleasesPage.report(
                ReportFixture.config(), ReportFixture.write(dir), ReportWeeks.of("4"), "/", ReportFixture.NOW);

        assertThat(figure(page, "deploymentFrequency")).isEqualTo("1 per week");
        assertThat(figure(page, "leadTime")).isEqualTo("18h");
        assertThat(figure(page, "changeFailureRate")).isEqualTo("50%");
        assertThat(figure(page, "timeToRestore")).isEqualTo("1h");
    }

    /**
     * The view writes the report with {@code <j:out>}, which puts its text into the page as it is: jelly
     * commons-jelly-1.1-jenkins-20250731 (the jelly.version of jenkins-2.541.3's bom/pom.xml line 43)
     * {@code CoreTagLibrary} line 48 binds {@code out} to {@code ExprTag}, whose {@code doTag} (lines 40-46) calls
     * {@code output.write(text)}; {@code escape-by-default} escapes only expressions in text ({@code XMLParser} lines
     * 182-196 and 1244-1247), never a tag's attribute; and stapler 2050.v425108fd5089 {@code
     * DefaultScriptInvoker#invokeScript} line 78 writes pages through {@code HTMLWriterOutput.create(OutputStream)},
     * which turns text escaping off (line 50). So the report must already be escaped markup: a ledger value is text.
     */
    @Test
    void aHostileValueInTheLedgerReachesTheRawOutputOnlyAsText() throws IOException {
        deploy(
                new JsonLinesLedger(ledgerDir),
                "production",
                null,
                "v1\"><script>alert(1)</script>",
                Instant.now().minusSeconds(3_600),
                "javascript:alert(1)");

        String report = new ReleasesPage().view(null, "").report();

        assertThat(report)
                .contains("v1&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script", "href=\"javascript:");
        String view = resource(VIEW);
        assertThat(view)
                .startsWith("<?jelly escape-by-default='true'?>")
                .contains("<j:out value=\"${view.report()}\"/>")
                .contains("<p class=\"error\">${view.problem()}</p>")
                .contains("<p class=\"warning\">${view.notice()}</p>");
        assertThat(view.split("<j:out", -1)).hasSize(2);
    }

    @Test
    void aBrokenConfigurationShowsItsProblemInOneLine() {
        config.setEnvironments(List.of());

        ReleasesPage.View view = new ReleasesPage().view(null, "");

        assertThat(view.report()).isNull();
        assertThat(view.problem()).isNotBlank().doesNotContain("\n").contains("define at least one environment");
    }

    @Test
    void aLedgerThatCannotBeOpenedShowsItsProblemInOneLine() {
        config.setLedgerUrl("mysql://db.example.com/releases");

        ReleasesPage.View view = new ReleasesPage().view("0", "");

        assertThat(view.report()).isNull();
        assertThat(view.problem()).contains("mysql://db.example.com/releases").doesNotContain("\n");
        assertThat(view.notice()).contains("weeks=0");
    }

    @Test
    void refusesAViewerWhoMayNotReadJenkins() {
        jenkins.revokeAll();

        assertThatThrownBy(() -> new ReleasesPage().view(null, "")).isInstanceOf(AccessDeniedException.class);
        assertThat(new ReleasesPage().getIconFileName()).isNull();
    }

    static String resource(String path) throws IOException {
        try (InputStream in = ReleasesPageTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
