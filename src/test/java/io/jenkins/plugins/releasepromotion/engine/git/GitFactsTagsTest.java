package io.jenkins.plugins.releasepromotion.engine.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.releasepromotion.engine.git.GitFactsException.Problem;
import io.jenkins.plugins.releasepromotion.engine.model.ReleaseTag;
import io.jenkins.plugins.releasepromotion.engine.model.TagPattern;
import java.nio.file.Path;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitFactsTagsTest {
    private static final TagPattern STRICT = TagPattern.defaultPattern();

    @TempDir
    Path dir;

    private TestRepo repo;
    private RevCommit first;
    private RevCommit second;

    @BeforeEach
    void createRepository() throws Exception {
        repo = TestRepo.init(dir);
        first = repo.commitFile("app.py", "print('one')\n");
        repo.tag("v1.2.3", "Release v1.2.3: Brief description of changes\n\nLonger notes.\n");
        second = repo.commitFile("app.py", "print('two')\n");
        repo.lightweightTag("v1.2.4");
    }

    @AfterEach
    void closeRepository() {
        repo.close();
    }

    @Test
    void readsAnAnnotatedTagWithItsTaggerAndMessage() {
        try (GitFacts facts = GitFacts.open(dir, STRICT)) {
            TagInfo tag = facts.resolveTag("v1.2.3");
            assertThat(tag.name()).isEqualTo("v1.2.3");
            assertThat(tag.annotated()).isTrue();
            assertThat(tag.commit()).isEqualTo(first.name());
            assertThat(tag.shortCommit()).isEqualTo(first.name().substring(0, 7));
            assertThat(tag.taggerName()).isEqualTo("Release Manager");
            assertThat(tag.taggerEmail()).isEqualTo("rm@example.com");
            assertThat(tag.taggedAt()).isAfterOrEqualTo(TestRepo.START);
            assertThat(tag.message()).isEqualTo("Release v1.2.3: Brief description of changes\n\nLonger notes.\n");
        }
    }

    @Test
    void peelsAnAnnotatedTagObjectToItsCommit() {
        try (GitFacts facts = GitFacts.open(dir, STRICT)) {
            TagInfo tag = facts.resolveTag("v1.2.3");
            assertThat(tag.objectId()).hasSize(40).isNotEqualTo(tag.commit());
        }
    }

    @Test
    void readsALightweightTagAsTheCommitItself() {
        try (GitFacts facts = GitFacts.open(dir, STRICT)) {
            TagInfo tag = facts.resolveTag("v1.2.4");
            assertThat(tag.annotated()).isFalse();
            assertThat(tag.objectId()).isEqualTo(second.name());
            assertThat(tag.commit()).isEqualTo(second.name());
            assertThat(tag.taggerName()).isNull();
            assertThat(tag.taggedAt()).isNull();
            assertThat(tag.message()).isNull();
        }
    }

    @Test
    void refusesATagThatPointsToATree() throws Exception {
        repo.tagObject("v1.3.0", second.getTree());
        try (GitFacts facts = GitFacts.open(dir, STRICT)) {
            assertThatThrownBy(() -> facts.resolveTag("v1.3.0"))
                    .isInstanceOf(GitFactsException.class)
                    .hasMessageStartingWith(
                            "tag v1.3.0 points to a tree " + second.getTree().name())
                    .hasMessageContaining("a release must point to a commit")
                    .extracting(e -> ((GitFactsException) e).problem())
                    .isEqualTo(Problem.NOT_A_COMMIT);
        }
    }

    @Test
    void findTagIsEmptyForAMissingTagWhileResolveTagSaysWhatToDo() {
        try (GitFacts facts = GitFacts.open(dir, STRICT)) {
            assertThat(facts.findTag("v9.9.9")).isEmpty();
            assertThatThrownBy(() -> facts.resolveTag("v9.9.9"))
                    .isInstanceOf(GitFactsException.class)
                    .hasMessage(
                            "tag v9.9.9 not found; check the name, or if it was pushed after this checkout, fetch it"
                                    + " with `git fetch origin tag v9.9.9`.");
        }
    }

    @Test
    void refusesOptionLikeAndMalformedTagNames() {
        try (GitFacts facts = GitFacts.open(dir, STRICT)) {
            assertThatThrownBy(() -> facts.resolveTag("--upload-pack=touch"))
                    .isInstanceOf(GitFactsException.class)
                    .hasMessageContaining("'--upload-pack=touch' is not a valid tag name")
                    .hasMessageContaining("command-line option")
                    .extracting(e -> ((GitFactsException) e).problem())
                    .isEqualTo(Problem.INVALID_NAME);
            assertThatThrownBy(() -> facts.findTag("v1..2")).hasMessageContaining("git does not allow it");
            assertThatThrownBy(() -> facts.findTag("v1.2.3\n"))
                    .hasMessageContaining("'v1.2.3\\u000a'")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
            assertThatThrownBy(() -> facts.findTag("")).hasMessageContaining("a name is required");
        }
    }

    @Test
    void listsReleaseTagsInSemanticVersionOrderIgnoringOtherTags() throws Exception {
        for (String name : new String[] {"v1.10.0", "v1.9.0", "v0.9.0", "latest", "v1.2", "release-2.0.0"}) {
            repo.tag(name);
        }
        try (GitFacts facts = GitFacts.open(dir, STRICT)) {
            assertThat(facts.releaseTags())
                    .extracting(ReleaseTag::name)
                    .containsExactly("v0.9.0", "v1.2.3", "v1.2.4", "v1.9.0", "v1.10.0");
        }
    }

    @Test
    void findsThePreviousReleaseTagThatExists() throws Exception {
        repo.tag("v1.10.0");
        repo.tag("v1.9.0");
        try (GitFacts facts = GitFacts.open(dir, STRICT)) {
            assertThat(facts.previousReleaseTag(STRICT.parse("v1.10.0")))
                    .map(ReleaseTag::name)
                    .contains("v1.9.0");
            assertThat(facts.previousReleaseTag(STRICT.parse("v1.2.4")))
                    .map(ReleaseTag::name)
                    .contains("v1.2.3");
            assertThat(facts.previousReleaseTag(STRICT.parse("v1.5.0")))
                    .as("the tag asked about need not exist")
                    .map(ReleaseTag::name)
                    .contains("v1.2.4");
            assertThat(facts.previousReleaseTag(STRICT.parse("v1.2.3"))).isEmpty();
        }
    }

    @Test
    void classifiesTagsBranchesCommitsAndUnknownNames() throws Exception {
        repo.branchFrom("hotfix/critical-bug-fix", "v1.2.3");
        try (GitFacts facts = GitFacts.open(dir, STRICT)) {
            assertThat(facts.classify("v1.2.3")).isEqualTo(RefKind.TAG);
            assertThat(facts.classify("refs/tags/v1.2.3")).isEqualTo(RefKind.TAG);
            assertThat(facts.classify("main")).isEqualTo(RefKind.BRANCH);
            assertThat(facts.classify("hotfix/critical-bug-fix")).isEqualTo(RefKind.BRANCH);
            assertThat(facts.classify(first.name())).isEqualTo(RefKind.COMMIT);
            assertThat(facts.classify(first.name().substring(0, 7).toUpperCase(java.util.Locale.ROOT)))
                    .isEqualTo(RefKind.COMMIT);
            assertThat(facts.classify(first.getTree().name()))
                    .as("a tree is not a commit")
                    .isEqualTo(RefKind.UNKNOWN);
            assertThat(facts.classify("deadbeefdeadbeef")).isEqualTo(RefKind.UNKNOWN);
            assertThat(facts.classify("v7.7.7")).isEqualTo(RefKind.UNKNOWN);
            assertThat(facts.classify("--all")).isEqualTo(RefKind.UNKNOWN);
            assertThat(facts.classify(null)).isEqualTo(RefKind.UNKNOWN);
        }
    }

    @Test
    void readsTheTagListOnceAndKeepsIt() throws Exception {
        try (GitFacts facts = GitFacts.open(dir, STRICT)) {
            assertThat(facts.releaseTags()).hasSize(2);
            repo.tag("v2.0.0");
            assertThat(facts.releaseTags()).as("cached for this instance").hasSize(2);
        }
        try (GitFacts facts = GitFacts.open(dir, STRICT)) {
            assertThat(facts.releaseTags()).hasSize(3);
        }
    }
}
