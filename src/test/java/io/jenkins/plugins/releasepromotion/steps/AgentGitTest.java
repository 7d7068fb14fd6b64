package io.jenkins.plugins.releasepromotion.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.FilePath;
import io.jenkins.plugins.releasepromotion.engine.git.GitFacts;
import io.jenkins.plugins.releasepromotion.engine.git.GitFactsException;
import io.jenkins.plugins.releasepromotion.engine.git.GitReader;
import io.jenkins.plugins.releasepromotion.engine.git.TestRepo;
import io.jenkins.plugins.releasepromotion.engine.model.TagPattern;
import java.nio.file.Path;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repository questions answered on the agent give the same answers, and the same failures, as asked locally. */
class AgentGitTest {
    @TempDir
    Path dir;

    TestRepo repo;
    GitFacts local;
    GitReader agent;
    TestChannel channel = new TestChannel();
    RevCommit first;
    RevCommit second;

    @BeforeEach
    void setUp() throws Exception {
        repo = TestRepo.init(dir);
        repo.write("CHANGELOG.md", "# Changelog\n\n## [1.0.0] - 2026-11-20\n\n- First\n");
        first = repo.commit("First");
        repo.tag("v1.0.0");
        repo.write("migrations/001.sql", "create table t;\n");
        second = repo.commit("Second");
        repo.lightweightTag("v1.1.0");
        local = GitFacts.open(dir, TagPattern.defaultPattern());
        agent = new AgentGit(new Agent(new FilePath(channel, dir.toString())), null);
    }

    @AfterEach
    void tearDown() {
        local.close();
        repo.close();
    }

    @Test
    void answersAsTheLocalRepositoryDoes() {
        assertThat(agent.resolveTag("v1.0.0")).isEqualTo(local.resolveTag("v1.0.0"));
        // The commit time crosses the channel too: a deployment records it for the lead time.
        assertThat(agent.resolveTag("v1.0.0").committedAt()).isNotNull();
        assertThat(agent.findTag("v1.1.0")).isEqualTo(local.findTag("v1.1.0"));
        assertThat(agent.findTag("v9.9.9")).isEmpty();
        assertThat(agent.classify("main")).isEqualTo(local.classify("main"));
        assertThat(agent.classify(first.getName())).isEqualTo(local.classify(first.getName()));
        assertThat(agent.isReachableFrom(first.getName(), "main")).isTrue();
        assertThat(agent.descendsFrom(first.getName(), second.getName())).isFalse();
        assertThat(agent.descendsFrom(second.getName(), first.getName())).isTrue();
        assertThat(agent.changedPaths(first.getName(), second.getName())).containsExactly("migrations/001.sql");
        assertThat(agent.fileAt("v1.0.0", "CHANGELOG.md")).isEqualTo(local.fileAt("v1.0.0", "CHANGELOG.md"));
        assertThat(agent.fileAt("v1.0.0", "missing.txt")).isEmpty();
        assertThat(channel.calls).hasSize(12).containsOnly("GitCall");
    }

    @Test
    void failsAsTheLocalRepositoryDoes() {
        GitFactsException expected = null;
        try {
            local.resolveTag("v2.0.0");
        } catch (GitFactsException e) {
            expected = e;
        }

        GitFactsException problem = expected;
        assertThat(problem).isNotNull();
        assertThatThrownBy(() -> agent.resolveTag("v2.0.0"))
                .isInstanceOf(GitFactsException.class)
                .hasMessage(problem.getMessage())
                .satisfies(e -> assertThat(((GitFactsException) e).problem()).isEqualTo(problem.problem()));
    }

    @Test
    void aWorkspaceThatIsNotARepositorySaysSo() {
        GitReader elsewhere =
                new AgentGit(new Agent(new FilePath(channel, dir.resolve("nope").toString())), null);

        assertThatThrownBy(() -> elsewhere.resolveTag("v1.0.0"))
                .isInstanceOf(GitFactsException.class)
                .satisfies(e -> assertThat(((GitFactsException) e).problem())
                        .isEqualTo(GitFactsException.Problem.NOT_A_REPOSITORY));
    }
}
