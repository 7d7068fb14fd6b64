package io.jenkins.plugins.releasepromotion.action;

import hudson.Extension;
import hudson.model.RootAction;
import io.jenkins.plugins.releasepromotion.config.ConfiguredLedger;
import io.jenkins.plugins.releasepromotion.config.ReleasePromotionConfiguration;
import io.jenkins.plugins.releasepromotion.engine.config.ConfigException;
import io.jenkins.plugins.releasepromotion.engine.config.ReleaseConfig;
import io.jenkins.plugins.releasepromotion.engine.ledger.Ledger;
import io.jenkins.plugins.releasepromotion.engine.ledger.postgres.PostgresRefusedException;
import io.jenkins.plugins.releasepromotion.engine.ledger.postgres.PostgresUnavailableException;
import io.jenkins.plugins.releasepromotion.engine.port.CredentialsException;
import io.jenkins.plugins.releasepromotion.engine.report.CommitTimes;
import io.jenkins.plugins.releasepromotion.engine.report.ReleaseRecord;
import io.jenkins.plugins.releasepromotion.engine.report.ReleaseReport;
import io.jenkins.plugins.releasepromotion.engine.report.ReportWindow;
import io.jenkins.plugins.releasepromotion.engine.report.page.BuildLinks;
import io.jenkins.plugins.releasepromotion.engine.report.page.ReportPage;
import java.time.Instant;
import jenkins.model.Jenkins;

/**
 * The Releases page of the controller: the release record the command line writes with {@code report --html} (what
 * runs where, the timeline of the window and production's delivery figures), inside Jenkins' own page. It reads the
 * ledger only, once per view, back to the start of the window. Anyone who may read Jenkins sees it.
 */
@Extension
public final class ReleasesPage implements RootAction {
    @Override
    public String getIconFileName() {
        return Jenkins.get().hasPermission(Jenkins.READ) ? "symbol-environment" : null;
    }

    @Override
    public String getDisplayName() {
        return Messages.ReleasesPage_DisplayName();
    }

    @Override
    public String getUrlName() {
        return "releases";
    }

    /**
     * What one view shows.
     *
     * @param problem why there is no record to show, in one line; {@code null} when all is well
     * @param notice why the weeks asked for were not taken; {@code null} when they were
     * @param report the release record as escaped markup; {@code null} when there is a problem
     */
    public record View(String problem, String notice, String report) {}

    /**
     * @param weeks the {@code weeks} query parameter, {@code null} for the default
     * @param rootUrl Jenkins' root path ({@code rootURL} in a view), under which a record's build is linked
     */
    public View view(String weeks, String rootUrl) {
        Jenkins.get().checkPermission(Jenkins.READ);
        ReportWeeks window = ReportWeeks.of(weeks);
        ReleasePromotionConfiguration global = ReleasePromotionConfiguration.get();
        try {
            ReleaseConfig config = global.toReleaseConfig();
            try (ConfiguredLedger ledger = ConfiguredLedger.open(global, null)) {
                String report = report(config, ledger.ledger(), window, rootUrl, Instant.now());
                return new View(null, window.notice(), report);
            }
        } catch (ConfigException
                | IllegalArgumentException
                | CredentialsException
                | PostgresUnavailableException
                | PostgresRefusedException e) {
            return new View(e.getMessage(), window.notice(), null);
        }
    }

    /** The page's body: the same markup as the command line's page, its stylesheet linked by the view. */
    static String report(ReleaseConfig config, Ledger ledger, ReportWeeks weeks, String rootUrl, Instant now) {
        ReleaseReport report = new ReleaseRecord(config, ledger, CommitTimes.recorded())
                .read(ReportWindow.last(weeks.length(), now), now);
        return ReportPage.fragment(report, BuildLinks.under(rootUrl == null ? "/" : rootUrl));
    }
}
