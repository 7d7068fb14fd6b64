package io.jenkins.plugins.releasepromotion.engine.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.releasepromotion.engine.git.GitFactsException.Problem;
import io.jenkins.plugins.releasepromotion.engine.model.TagPattern;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mission's hotfix process: a branch from the production tag, a fix, a patch tag that is not on main. */
class GitFactsAncestryTest {
    private static final TagPattern STRICT = TagPattern.defaultPattern();
    private static final String HOTFIX = "hotfix/critical-bug-fix";

    @TempDir
    Path origin;

    @TempDir
    Path clones;

    private TestRepo repo;
    private RevCommit released;
    private RevCommit onMain;
    private RevCommit fix;

    @BeforeEach
    void createHistory() throws Exception {
        repo = TestRepo.init(origin);
        repo.commitFile("app.py", "v0\n");
        released = repo.commitFile("app.py", "v1\n");
        repo.tag("v1.2.3");
        onMain = repo.commitFile("feature.py", "new work\n");
        repo.branchFrom(HOTFIX, "v1.2.3");
        fix = repo.commitFile("app.py", "v1 fixed\n");
        repo.tag("v1.2.4", "Hotfix: Critical bug fix");
        repo.checkout("main");
    }

    @AfterEach
    void closeRepository() {
        repo.close();
    }

    @Test
    void aReleasedCommitIsOnMainAndAHotfixIsNot() {
        try (GitFacts facts = GitFacts.open(origin, STRICT)) {
            assertThat(facts.isReachableFrom(released.name(), "main")).isTrue();
            assertThat(facts.isReachableFrom(onMain.name(), "main")).isTrue();
            assertThat(facts.isReachableFrom("v1.2.3", "main")).isTrue();
            assertThat(facts.isReachableFrom(fix.name(), "main")).isFalse();
            assertThat(facts.isReachableFrom("v1.2.4", "main")).isFalse();
            assertThat(facts.isReachableFrom("v1.2.4", HOTFIX)).isTrue();
            assertThat(facts.isReachableFrom(fix.name().substring(0, 8), "refs/heads/" + HOTFIX))
                    .isTrue();
        }
    }

    @Test
    void aHotfixDescendsFromTheProductionTagButNotTheOtherWayRound() {
        try (GitFacts facts = GitFacts.open(origin, STRICT)) {
            assertThat(facts.descendsFrom("v1.2.4", "v1.2.3")).isTrue();
            assertThat(facts.descendsFrom(fix.name(), released.name())).isTrue();
            assertThat(facts.descendsFrom("v1.2.3", "v1.2.4")).isFalse();
            assertThat(facts.descendsFrom(onMain.name(), fix.name())).isFalse();
            assertThat(facts.descendsFrom("v1.2.3", released.name()))
                    .as("a commit descends from itself")
                    .isTrue();
        }
    }

    @Test
    void findsMainAsARemoteTrackingBranchOnly() throws Exception {
        Path clone = clones.resolve("workspace");
        try (Git git = Git.cloneRepository()
                .setURI(origin.toUri().toString())
                .setDirectory(clone.toFile())
                .setBranch(Constants.R_HEADS + HOTFIX)
                .call()) {
            assertThat(git.getRepository().exactRef("refs/heads/main")).isNull();
            assertThat(git.getRepository().exactRef("refs/remotes/origin/main")).isNotNull();
        }
        try (GitFacts facts = GitFacts.open(clone, STRICT)) {
            assertThat(facts.isReachableFrom("v1.2.3", "main")).isTrue();
            assertThat(facts.isReachableFrom("v1.2.4", "main")).isFalse();
            assertThat(facts.isReachableFrom("v1.2.3", "origin/main")).isTrue();
            assertThat(facts.classify("main")).isEqualTo(RefKind.BRANCH);
        }
    }

    @Test
    void findsMainUnderARemoteWithAnotherName() throws Exception {
        Path clone = clones.resolve("upstream-clone");
        Git.cloneRepository()
                .setURI(origin.toUri().toString())
                .setDirectory(clone.toFile())
                .setRemote("upstream")
                .setBranch(Constants.R_HEADS + HOTFIX)
                .call()
                .close();
        try (GitFacts facts = GitFacts.open(clone, STRICT)) {
            assertThat(facts.isReachableFrom(onMain.name(), "main")).isTrue();
            assertThat(facts.isReachableFrom(fix.name(), "main")).isFalse();
        }
    }

    @Test
    void aMissingBranchNamesTheBranchesThereAndHowToFetchIt() {
        try (GitFacts facts = GitFacts.open(origin, STRICT)) {
            assertThatThrownBy(() -> facts.isReachableFrom(released.name(), "master"))
                    .isInstanceOf(GitFactsException.class)
                    .hasMessageStartingWith("branch master not found as refs/heads/master or refs/remotes/*/master")
                    .hasMessageContaining("branches here: " + HOTFIX + ", main")
                    .hasMessageContaining("`git fetch origin master`")
                    .extracting(e -> ((GitFactsException) e).problem())
                    .isEqualTo(Problem.BRANCH_NOT_FOUND);
        }
    }

    @Test
    void anUnknownCommitIsNamedWithAWayOut() {
        try (GitFacts facts = GitFacts.open(origin, STRICT)) {
            assertThatThrownBy(() -> facts.isReachableFrom("0123456789abcdef0123456789abcdef01234567", "main"))
                    .isInstanceOf(GitFactsException.class)
                    .hasMessageStartingWith("commit 0123456789abcdef0123456789abcdef01234567 not found in this"
                            + " repository; check the SHA")
                    .extracting(e -> ((GitFactsException) e).problem())
                    .isEqualTo(Problem.COMMIT_NOT_FOUND);
            assertThatThrownBy(() -> facts.descendsFrom("v1.2.4", "v1.1.0"))
                    .hasMessageStartingWith("tag v1.1.0 not found;");
            assertThatThrownBy(() -> facts.isReachableFrom(released.name(), "--orphan"))
                    .extracting(e -> ((GitFactsException) e).problem())
                    .isEqualTo(Problem.INVALID_NAME);
        }
    }
}
