package io.jenkins.plugins.releasepromotion.engine.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.releasepromotion.engine.git.GitFactsException.Problem;
import io.jenkins.plugins.releasepromotion.engine.model.TagPattern;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkouts as CI makes them: shallow, without tags, or not a repository at all. */
class GitFactsCheckoutTest {
    private static final TagPattern STRICT = TagPattern.defaultPattern();

    @TempDir
    Path origin;

    @TempDir
    Path work;

    @Test
    void aShallowCloneWithoutTagsSaysHowToFetchThem() throws Exception {
        try (TestRepo repo = TestRepo.init(origin)) {
            repo.commitFile("app.py", "v1\n");
            repo.tag("v1.2.3");
            repo.commitFile("app.py", "v2\n");
        }
        Path clone = shallowClone("--no-tags");
        assertThat(clone.resolve(".git/shallow")).exists();
        try (GitFacts facts = GitFacts.open(clone, STRICT)) {
            assertThatThrownBy(() -> facts.resolveTag("v1.2.3"))
                    .isInstanceOf(GitFactsException.class)
                    .hasMessage("tag v1.2.3 not found; this checkout is shallow and has no tags: fetch them with"
                            + " `git fetch --tags --unshallow origin` (in Jenkins: enable 'Fetch tags' in the"
                            + " checkout's advanced clone behaviours).")
                    .extracting(e -> ((GitFactsException) e).problem())
                    .isEqualTo(Problem.TAG_NOT_FOUND);
            assertThatThrownBy(() -> facts.isReachableFrom("v1.2.3", "main"))
                    .hasMessageContaining("this checkout is shallow and has no tags");
        }
    }

    @Test
    void aShallowCloneWithSomeTagsSaysToFetchTheFullHistory() throws Exception {
        RevCommit old;
        try (TestRepo repo = TestRepo.init(origin)) {
            old = repo.commitFile("app.py", "v1\n");
            repo.tag("v1.2.2");
            repo.commitFile("app.py", "v2\n");
            repo.tag("v1.2.3");
        }
        Path clone = shallowClone();
        try (GitFacts facts = GitFacts.open(clone, STRICT)) {
            assertThat(facts.resolveTag("v1.2.3").annotated()).isTrue();
            assertThatThrownBy(() -> facts.resolveTag("v1.2.2"))
                    .hasMessageContaining("tag v1.2.2 not found; this checkout is shallow: fetch the full history and"
                            + " tags with `git fetch --tags --unshallow origin` (in Jenkins: clear 'Shallow clone'");
            assertThatThrownBy(() -> facts.descendsFrom("v1.2.3", old.name()))
                    .hasMessageContaining(
                            "commit " + old.name() + " not found in this repository; this checkout is" + " shallow")
                    .extracting(e -> ((GitFactsException) e).problem())
                    .isEqualTo(Problem.COMMIT_NOT_FOUND);
        }
    }

    @Test
    void aNoFromAShallowHistoryIsNotTakenAsAnAnswer() throws Exception {
        RevCommit fix;
        RevCommit tip;
        try (TestRepo repo = TestRepo.init(origin)) {
            repo.commitFile("app.py", "v1\n");
            repo.tag("v1.2.3");
            repo.commitFile("app.py", "v2\n");
            tip = repo.commitFile("app.py", "v3\n");
            repo.branchFrom("hotfix/critical-bug-fix", "v1.2.3");
            fix = repo.commitFile("app.py", "v1 fixed\n");
            repo.checkout("main");
        }
        Path clone = shallowClone("--no-single-branch");
        try (GitFacts facts = GitFacts.open(clone, STRICT)) {
            assertThat(facts.isReachableFrom(tip.name(), "main")).isTrue();
            assertThatThrownBy(() -> facts.isReachableFrom(fix.name(), "main"))
                    .isInstanceOf(GitFactsException.class)
                    .hasMessageStartingWith("cannot tell whether " + fix.name() + " is on main: the history in this"
                            + " checkout is incomplete (shallow); fetch it with `git fetch --tags --unshallow origin`")
                    .extracting(e -> ((GitFactsException) e).problem())
                    .isEqualTo(Problem.SHALLOW_HISTORY);
        }
    }

    @Test
    void aRepositoryWithoutTagsSaysHowToFetchThem() throws Exception {
        try (TestRepo repo = TestRepo.init(origin)) {
            repo.commitFile("app.py", "v1\n");
        }
        try (GitFacts facts = GitFacts.open(origin, STRICT)) {
            assertThat(facts.releaseTags()).isEmpty();
            assertThatThrownBy(() -> facts.resolveTag("v1.2.3"))
                    .hasMessage("tag v1.2.3 not found; this checkout has no tags at all: fetch them with"
                            + " `git fetch --tags origin` (in Jenkins: enable 'Fetch tags' in the checkout's advanced"
                            + " clone behaviours).");
        }
    }

    @Test
    void aFolderThatIsNotARepositoryIsNamed() throws Exception {
        Path empty = Files.createDirectory(work.resolve("workspace"));
        assertThatThrownBy(() -> GitFacts.open(empty, STRICT))
                .isInstanceOf(GitFactsException.class)
                .hasMessage(empty + " is not a git repository (no .git there); check the repository out into this"
                        + " folder first, or point to the folder that holds .git.")
                .extracting(e -> ((GitFactsException) e).problem())
                .isEqualTo(Problem.NOT_A_REPOSITORY);
        assertThatThrownBy(() -> GitFacts.open(work.resolve("missing"), STRICT))
                .hasMessageContaining("is not a git repository");
    }

    @Test
    void opensByWorkTreeOrGitDirectoryButNotFromASubfolder() throws Exception {
        try (TestRepo repo = TestRepo.init(origin)) {
            repo.commitFile("src/app.py", "v1\n");
            repo.tag("v1.0.0");
        }
        try (GitFacts byWorkTree = GitFacts.open(origin, STRICT);
                GitFacts byGitDir = GitFacts.open(origin.resolve(".git"), STRICT)) {
            assertThat(byGitDir.resolveTag("v1.0.0")).isEqualTo(byWorkTree.resolveTag("v1.0.0"));
        }
        assertThatThrownBy(() -> GitFacts.open(origin.resolve("src"), STRICT))
                .as("a folder inside a work tree must not answer with the enclosing repository")
                .extracting(e -> ((GitFactsException) e).problem())
                .isEqualTo(Problem.NOT_A_REPOSITORY);
    }

    private Path shallowClone(String... options) throws Exception {
        Path clone = work.resolve("clone");
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("clone", "--depth", "1"));
        args.addAll(java.util.List.of(options));
        args.add(origin.toUri().toString());
        args.add(clone.toString());
        TestRepo.cli(work, args.toArray(String[]::new));
        return clone;
    }
}
