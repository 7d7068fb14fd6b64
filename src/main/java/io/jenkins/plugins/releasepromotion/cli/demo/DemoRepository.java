package io.jenkins.plugins.releasepromotion.cli.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.TagOpt;

/**
 * The origin repository of the demo's sample app, the Job Search Assistant: a history with a Keep a Changelog file and
 * annotated release tags v1.0.0, v1.1.0 and v1.2.0 on main, a lightweight tag v1.2.1 on work in progress, and the
 * branch hotfix/login-redirect from v1.1.0 with the annotated hotfix tag v1.1.1.
 */
final class DemoRepository {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final Git git;
    private final Path dir;
    private final List<String> entries = new ArrayList<>();
    private Instant when;

    private DemoRepository(Git git, Path dir) {
        this.git = git;
        this.dir = dir;
    }

    /** @param now when the sandbox is made: the earlier releases lead up to it, v1.0.0 came last week */
    static void create(Path dir, Instant now) throws IOException {
        try (Git git =
                Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            DemoRepository repo = new DemoRepository(git, dir);
            Instant start = DemoHistory.start(now);
            repo.when = start.minus(Duration.ofDays(2));
            repo.write("README.md", "# Job Search Assistant\n\nFinds jobs, tracks applications, runs campaigns.\n");
            repo.write("app/main.py", "print('job search')\n");
            repo.commit("Start the Job Search Assistant");
            for (DemoHistory.Release earlier : DemoHistory.RELEASES) {
                repo.when = earlier.committed(start);
                repo.write("app/version.txt", earlier.version() + "\n");
                repo.commit("Prepare " + earlier.version());
                repo.release(
                        earlier.version(),
                        DAY.format(repo.when),
                        "### Changed\n- Weekly release " + earlier.version() + "\n",
                        "weekly release");
            }
            repo.when = now.minus(Duration.ofDays(8));
            repo.release("1.0.0", "2026-11-02", "### Added\n- Job search with saved searches\n", "job search");
            repo.write("app/campaigns.py", "print('campaigns')\n");
            repo.commit("Add the campaigns page");
            repo.release(
                    "1.1.0",
                    "2026-11-16",
                    "### Added\n- Campaigns page\n\n### Changed\n- Faster dashboard\n",
                    "campaigns");
            List<String> atV110 = List.copyOf(repo.entries);
            repo.write("app/scheduler.py", "print('scheduled campaigns')\n");
            repo.commit("Schedule campaigns");
            repo.release("1.2.0", "2026-11-24", "### Added\n- Scheduled campaigns\n", "scheduled campaigns");
            repo.write("app/export.py", "print('export: work in progress')\n");
            repo.commit("Export applications (work in progress)");
            git.tag().setName("v1.2.1").setAnnotated(false).call();
            git.checkout()
                    .setCreateBranch(true)
                    .setName("hotfix/login-redirect")
                    .setStartPoint("v1.1.0")
                    .call();
            repo.entries.clear();
            repo.entries.addAll(atV110);
            repo.write("app/main.py", "print('job search, login redirect fixed')\n");
            repo.commit("Fix the login redirect loop");
            repo.release(
                    "1.1.1",
                    "2026-11-25",
                    "### Fixed\n- Login redirect loop after a session expires\n",
                    "Hotfix: login redirect loop");
            git.checkout().setName("main").call();
        } catch (GitAPIException e) {
            throw new IOException("cannot build the demo repository in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A clone with every tag, as a CI checkout or a deployment directory is. */
    static void cloneTo(Path origin, Path dir) throws IOException {
        try (Git clone = Git.cloneRepository()
                .setURI(origin.toUri().toString())
                .setDirectory(dir.toFile())
                .setTagOption(TagOpt.FETCH_TAGS)
                .call()) {
            clone.fetch().setRemote("origin").setTagOpt(TagOpt.FETCH_TAGS).call();
        } catch (GitAPIException e) {
            throw new IOException("cannot clone the demo repository into " + dir + ": " + e.getMessage(), e);
        }
    }

    private void release(String version, String date, String notes, String summary)
            throws IOException, GitAPIException {
        entries.add(0, "## [" + version + "] - " + date + "\n\n" + notes);
        write("CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n\n" + String.join("\n", entries));
        commit("Release v" + version);
        git.tag()
                .setName("v" + version)
                .setAnnotated(true)
                .setSigned(false)
                .setMessage("Release v" + version + ": " + summary)
                .setTagger(person("Rita Release", "rita@example.com"))
                .call();
    }

    private void write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        DemoFiles.parentOf(file);
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private void commit(String message) throws GitAPIException {
        git.add().addFilepattern(".").call();
        PersonIdent who = person("Dana Developer", "dana@example.com");
        git.commit()
                .setMessage(message)
                .setAuthor(who)
                .setCommitter(who)
                .setSign(false)
                .call();
    }

    /** Each commit and tag an hour after the one before, from {@link #when} on. */
    private PersonIdent person(String name, String email) {
        PersonIdent who = new PersonIdent(name, email, when, ZoneOffset.UTC);
        when = when.plus(Duration.ofHours(1));
        return who;
    }
}
