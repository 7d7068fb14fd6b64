package io.jenkins.plugins.releasepromotion.engine.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.releasepromotion.engine.git.GitFactsException.Problem;
import io.jenkins.plugins.releasepromotion.engine.model.TagPattern;
import java.nio.file.Path;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitFactsTreesTest {
    private static final TagPattern STRICT = TagPattern.defaultPattern();

    @TempDir
    Path dir;

    private TestRepo repo;
    private RevCommit v110;

    @BeforeEach
    void createReleases() throws Exception {
        repo = TestRepo.init(dir);
        repo.write("CHANGELOG.md", "## [1.0.0] - 2025-01-10\n### Added\n- First release\n")
                .write("app.py", "print('v1')\n")
                .write("README.md", "Job Search Assistant\n")
                .write("old_name.py", "x = 1\n")
                .write("obsolete.txt", "gone soon\n")
                .write("migrations/0001_initial.sql", "create table jobs(id int);\n")
                .commit("Release 1.0.0");
        repo.tag("v1.0.0");
        v110 = repo.write("CHANGELOG.md", "## [1.1.0] - 2025-01-22\n### Added\n- Café search\n")
                .write("app.py", "print('v1.1')\n")
                .write("migrations/0002_add_index.sql", "create index jobs_id on jobs(id);\n")
                .delete("obsolete.txt")
                .rename("old_name.py", "new_name.py")
                .commit("Release 1.1.0");
        repo.tag("v1.1.0");
        repo.write("CHANGELOG.md", "## [Unreleased]\n### Changed\n- Work in progress\n")
                .commit("Start next release");
    }

    @AfterEach
    void closeRepository() {
        repo.close();
    }

    @Test
    void listsAddedModifiedDeletedAndBothNamesOfARenameSorted() {
        try (GitFacts facts = GitFacts.open(dir, STRICT)) {
            assertThat(facts.changedPaths("v1.0.0", "v1.1.0"))
                    .containsExactly(
                            "CHANGELOG.md",
                            "app.py",
                            "migrations/0002_add_index.sql",
                            "new_name.py",
                            "obsolete.txt",
                            "old_name.py");
            assertThat(facts.changedPaths("v1.1.0", v110.name())).isEmpty();
            assertThat(facts.changedPaths("v1.1.0", "main")).containsExactly("CHANGELOG.md");
        }
    }

    @Test
    void listsOnlyTheChangesInAFolderWhenAskedForIt() {
        try (GitFacts facts = GitFacts.open(dir, STRICT)) {
            assertThat(facts.changedPathsIn("v1.0.0", "v1.1.0", "migrations/"))
                    .containsExactly("migrations/0002_add_index.sql");
            assertThat(facts.changedPathsIn("v1.0.0", "v1.1.0", "./migrations"))
                    .containsExactly("migrations/0002_add_index.sql");
            assertThat(facts.changedPathsIn("v1.0.0", "v1.1.0", "migr")).isEmpty();
            assertThat(facts.changedPathsIn("v1.1.0", "main", "migrations/")).isEmpty();
            assertThat(facts.changedPathsIn("v1.0.0", "v1.1.0", "../outside"))
                    .as("a folder git cannot name: every path, for the caller to sort out")
                    .isEqualTo(facts.changedPaths("v1.0.0", "v1.1.0"));
        }
    }

    @Test
    void seesAMigrationAddedBetweenTwoTags() {
        try (GitFacts facts = GitFacts.open(dir, STRICT)) {
            assertThat(facts.anyChangedUnder("v1.0.0", "v1.1.0", "migrations/")).isTrue();
            assertThat(facts.anyChangedUnder("v1.0.0", "v1.1.0", "./migrations"))
                    .isTrue();
            assertThat(facts.anyChangedUnder("v1.1.0", "main", "migrations/")).isFalse();
            assertThat(facts.anyChangedUnder("v1.0.0", "v1.1.0", "migration"))
                    .as("a prefix is a whole path segment")
                    .isFalse();
            assertThat(facts.anyChangedUnder("v1.0.0", "v1.1.0", "README.md")).isFalse();
        }
    }

    @Test
    void readsAFileAsItWasAtATagAndOnMain() {
        try (GitFacts facts = GitFacts.open(dir, STRICT)) {
            assertThat(facts.fileAt("v1.0.0", "CHANGELOG.md"))
                    .contains("## [1.0.0] - 2025-01-10\n### Added\n- First release\n");
            assertThat(facts.fileAt("v1.1.0", "CHANGELOG.md"))
                    .hasValueSatisfying(text -> assertThat(text).contains("- Café search"));
            assertThat(facts.fileAt("main", "CHANGELOG.md"))
                    .hasValueSatisfying(text -> assertThat(text).startsWith("## [Unreleased]"));
            assertThat(facts.fileAt("v1.1.0", "obsolete.txt")).isEmpty();
            assertThat(facts.fileAt("v1.1.0", "migrations"))
                    .as("a folder is not a file")
                    .isEmpty();
        }
    }

    @Test
    void refusesPathsOutsideTheRepository() {
        try (GitFacts facts = GitFacts.open(dir, STRICT)) {
            assertThatThrownBy(() -> facts.fileAt("v1.1.0", "../secrets.txt"))
                    .isInstanceOf(GitFactsException.class)
                    .hasMessageContaining("'../secrets.txt' is not a repository path")
                    .extracting(e -> ((GitFactsException) e).problem())
                    .isEqualTo(Problem.INVALID_NAME);
            assertThatThrownBy(() -> facts.fileAt("v1.1.0", "/etc/passwd"))
                    .hasMessageContaining("relative to the repository root");
            assertThatThrownBy(() -> facts.anyChangedUnder("v1.0.0", "v1.1.0", ""))
                    .hasMessageContaining("a path is required");
        }
    }
}
