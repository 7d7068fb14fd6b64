package io.jenkins.plugins.releasepromotion.engine.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.releasepromotion.engine.model.TagPattern;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One folder opened again and again within moments, as the questions of one check are: the repository kept open
 * between them must answer as a freshly opened one would, and the commit-graph git writes must not change an answer.
 */
class GitFactsSharedRepositoryTest {
    private static final TagPattern STRICT = TagPattern.defaultPattern();

    @TempDir
    Path dir;

    @Test
    void aTagMadeBetweenTwoChecksIsSeenByTheSecond() throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.commitFile("app.py", "v1\n");
            repo.tag("v1.0.0");
            try (GitFacts facts = GitFacts.open(dir, STRICT)) {
                assertThat(facts.findTag("v1.0.0")).isPresent();
                assertThat(facts.findTag("v1.0.1")).isEmpty();
            }
            RevCommit fix = repo.commitFile("app.py", "v1 fixed\n");
            repo.tag("v1.0.1");
            try (GitFacts facts = GitFacts.open(dir, STRICT)) {
                assertThat(facts.resolveTag("v1.0.1").commit()).isEqualTo(fix.name());
                assertThat(facts.isReachableFrom("v1.0.1", "main")).isTrue();
                assertThat(facts.fileAt("v1.0.1", "app.py")).contains("v1 fixed\n");
            }
        }
    }

    @Test
    void twoChecksAtOnceShareTheRepositoryAndEitherMayCloseFirst() throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.commitFile("app.py", "v1\n");
            repo.tag("v1.0.0");
        }
        GitFacts first = GitFacts.open(dir, STRICT);
        try (GitFacts second = GitFacts.open(dir, STRICT)) {
            first.close();
            first.close();
            assertThat(second.resolveTag("v1.0.0").annotated()).isTrue();
            assertThat(second.changedPaths("v1.0.0", "v1.0.0")).isEmpty();
        }
    }

    @Test
    void aRepositoryMadeAnewInTheSameFolderIsOpenedAnew() throws Exception {
        Path folder = dir.resolve("workspace");
        try (TestRepo repo = TestRepo.init(folder)) {
            repo.commitFile("app.py", "old\n");
            repo.tag("v1.0.0");
        }
        try (GitFacts facts = GitFacts.open(folder, STRICT)) {
            assertThat(facts.findTag("v1.0.0")).isPresent();
        }
        deleteTree(folder);
        try (TestRepo repo = TestRepo.init(folder)) {
            repo.commitFile("app.py", "new\n");
            repo.tag("v2.0.0");
        }
        try (GitFacts facts = GitFacts.open(folder, STRICT)) {
            assertThat(facts.findTag("v1.0.0")).isEmpty();
            assertThat(facts.fileAt("v2.0.0", "app.py")).contains("new\n");
        }
    }

    @Test
    void ancestryAnswersAreTheSameWithGitsCommitGraph() throws Exception {
        RevCommit released;
        RevCommit fix;
        RevCommit later;
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.commitFile("app.py", "v0\n");
            released = repo.commitFile("app.py", "v1\n");
            repo.tag("v1.2.3");
            for (int i = 0; i < 20; i++) {
                repo.commitFile("feature.py", "work " + i + "\n");
            }
            repo.branchFrom("hotfix", "v1.2.3");
            fix = repo.commitFile("app.py", "v1 fixed\n");
            repo.tag("v1.2.4");
            repo.checkout("main");
            TestRepo.cli(dir, "commit-graph", "write", "--reachable");
            // Made after the graph: known to git only from its objects.
            later = repo.commitFile("feature.py", "after the graph\n");
        }
        assertThat(dir.resolve(".git/objects/info/commit-graph")).exists();
        try (GitFacts facts = GitFacts.open(dir, STRICT)) {
            assertThat(facts.isReachableFrom("v1.2.3", "main")).isTrue();
            assertThat(facts.isReachableFrom(later.name(), "main")).isTrue();
            assertThat(facts.isReachableFrom("v1.2.4", "main")).isFalse();
            assertThat(facts.isReachableFrom(fix.name(), "hotfix")).isTrue();
            assertThat(facts.descendsFrom("v1.2.4", released.name())).isTrue();
            assertThat(facts.descendsFrom(later.name(), fix.name())).isFalse();
            assertThat(facts.descendsFrom(later.name(), released.name())).isTrue();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
