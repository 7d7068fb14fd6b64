package io.jenkins.plugins.releasepromotion.action;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.ItemGroup;
import hudson.model.Job;
import hudson.model.Run;
import hudson.security.ACL;
import io.jenkins.plugins.releasepromotion.engine.config.ConfigLoader;
import io.jenkins.plugins.releasepromotion.engine.config.ReleaseConfig;
import io.jenkins.plugins.releasepromotion.engine.ledger.JsonLinesLedger;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jenkins.model.Jenkins;
import jenkins.model.TestJenkins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseActionTest {
    static final String REPORT = "{\"environment\":\"staging\",\"slot\":1,\"tag\":\"v1.2.3\",\"commit\":"
            + "\"9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e\",\"passed\":true,\"startedAt\":\"2026-11-20T10:00:00Z\","
            + "\"finishedAt\":\"2026-11-20T10:00:12Z\",\"checks\":[{\"name\":\"health\",\"type\":\"HEALTH\","
            + "\"mode\":\"ENFORCE\",\"outcome\":\"PASSED\",\"attempts\":3,\"duration\":\"PT3S\",\"message\":"
            + "\"3 answers in a row\",\"evidence\":{}}]}";

    @TempDir
    Path dir;

    @AfterEach
    void tearDown() {
        TestJenkins.uninstall();
    }

    static final class Build extends Run<Build.App, Build> {
        Build() throws IOException {
            super(new App());
        }

        static final class App extends Job<App, Build> {
            App() {
                super((ItemGroup) null, "app");
            }

            @Override
            public ACL getACL() {
                return new ACL() {};
            }
        }
    }

    static ReleaseAction action(String outcome, String report) {
        return new ReleaseAction(
                "promotion",
                "staging",
                1,
                "v1.2.3",
                "9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e",
                outcome,
                "alice",
                "v1.2.2",
                "### Added\n- Search",
                "Promoted v1.2.3 to staging slot 1",
                report);
    }

    @Test
    void eachActionOfABuildGetsItsOwnPage() throws Exception {
        Build build = new Build();

        ReleaseAction first = ReleaseAction.attach(build, action("SUCCEEDED", REPORT));
        ReleaseAction second = ReleaseAction.attach(build, action("GATE_FAILED", null));

        assertThat(first.getUrlName()).isEqualTo("release-1");
        assertThat(second.getUrlName()).isEqualTo("release-2");
        assertThat(first.getRun()).isSameAs(build);
        assertThat(build.getActions(ReleaseAction.class)).containsExactly(first, second);
    }

    /**
     * Branches of a {@code parallel} step attach to one build at once. Nothing in Jenkins orders them: jenkins-2.541.3
     * {@code Actionable#addAction} (lines 155-160) appends to a {@code CopyOnWriteArrayList} (line 60) without a lock,
     * {@code Actionable#getActions(Class)} (lines 140-147) returns a copy, and {@code Run#addAction} (lines 417-424) adds
     * no lock of its own; so counting and then adding would give two branches the same number.
     */
    @Test
    void actionsAttachedByConcurrentBranchesEachGetTheirOwnPage() throws Exception {
        Build build = new Build();
        int branches = 8;
        int perBranch = 50;
        CyclicBarrier start = new CyclicBarrier(branches);
        ExecutorService pool = Executors.newFixedThreadPool(branches);
        try {
            List<Future<List<String>>> names = new ArrayList<>();
            for (int b = 0; b < branches; b++) {
                names.add(pool.submit(() -> {
                    start.await();
                    List<String> mine = new ArrayList<>();
                    for (int i = 0; i < perBranch; i++) {
                        mine.add(ReleaseAction.attach(build, action("SUCCEEDED", null))
                                .getUrlName());
                    }
                    return mine;
                }));
            }
            Set<String> all = new HashSet<>();
            for (Future<List<String>> branch : names) {
                all.addAll(branch.get());
            }

            assertThat(all).hasSize(branches * perBranch).allMatch(name -> name.matches("release-[1-9][0-9]*"));
            assertThat(build.getActions(ReleaseAction.class)).hasSize(branches * perBranch);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSummaryShowsTheChecksOfTheReport() {
        ReleaseAction action = action("SUCCEEDED", REPORT);

        assertThat(action.getDisplayName()).isEqualTo("Promotion of v1.2.3 on staging slot 1");
        assertThat(action.getShortCommit()).isEqualTo("9d8e7f6");
        assertThat(action.isSucceeded()).isTrue();
        assertThat(action.getChecks()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("health");
            assertThat(c.attempts()).isEqualTo(3);
        });
        assertThat(action.getIconFileName()).startsWith("symbol-");
    }

    @Test
    void withoutAReportThereAreNoChecks() {
        assertThat(action("GATE_FAILED", null).getChecks()).isEmpty();
        assertThat(action("GATE_FAILED", "not json").getReport()).isNull();
    }

    @Test
    void linksToTheTileOfItsEnvironmentSlotOnTheReleasesPage() {
        ReleaseAction production = new ReleaseAction(
                "rollback", "production", null, "v1.2.2", "c0ffee", "SUCCEEDED", null, null, null, "Rolled back", null);
        ReleaseConfig config = ConfigLoader.parse(
                """
                environments:
                  - name: staging
                    slots: 2
                    deploy: {script: {command: [./deploy.sh]}}
                  - name: production
                    deploy: {script: {command: [./deploy.sh]}}
                """,
                "test");
        Instant now = Instant.parse("2026-11-20T10:00:00Z");

        String page = ReleasesPage.report(config, new JsonLinesLedger(dir), ReportWeeks.of(null), "/", now);

        assertThat(action("SUCCEEDED", null).getReleasesAnchor()).isEqualTo("env-staging-1");
        assertThat(production.getReleasesAnchor()).isEqualTo("env-production");
        assertThat(page)
                .contains("id=\"" + action("SUCCEEDED", null).getReleasesAnchor() + "\"")
                .contains("id=\"" + production.getReleasesAnchor() + "\"");
    }

    @Test
    void theReleasesPageLinkShowsOnlyToThoseWhoMayReadJenkins() {
        TestJenkins jenkins = TestJenkins.install(dir.toFile());
        ReleasesPage page = new ReleasesPage();

        assertThat(page.getIconFileName()).isNull();
        jenkins.grant(Jenkins.READ);
        assertThat(page.getIconFileName()).isEqualTo("symbol-environment");
        assertThat(page.getUrlName()).isEqualTo("releases");
    }
}
