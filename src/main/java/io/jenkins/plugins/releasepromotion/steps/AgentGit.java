package io.jenkins.plugins.releasepromotion.steps;

import io.jenkins.plugins.releasepromotion.engine.git.GitFactsException;
import io.jenkins.plugins.releasepromotion.engine.git.GitReader;
import io.jenkins.plugins.releasepromotion.engine.git.RefKind;
import io.jenkins.plugins.releasepromotion.engine.git.TagInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Answers the use cases' git questions from the repository in the workspace, on the agent that holds it. */
final class AgentGit implements GitReader {
    private final Agent agent;
    private final String tagPattern;

    AgentGit(Agent agent, String tagPattern) {
        this.agent = agent;
        this.tagPattern = tagPattern;
    }

    @Override
    public TagInfo resolveTag(String name) {
        return GitCall.tag(ask(GitCall.Question.RESOLVE_TAG, name));
    }

    @Override
    public Optional<TagInfo> findTag(String name) {
        List<String> fields = ask(GitCall.Question.FIND_TAG, name);
        return fields.isEmpty() ? Optional.empty() : Optional.of(GitCall.tag(fields));
    }

    @Override
    public RefKind classify(String name) {
        return RefKind.valueOf(ask(GitCall.Question.CLASSIFY, name).get(0));
    }

    @Override
    public boolean isReachableFrom(String commit, String branch) {
        return Boolean.parseBoolean(
                ask(GitCall.Question.REACHABLE, commit, branch).get(0));
    }

    @Override
    public boolean descendsFrom(String commit, String ancestor) {
        return Boolean.parseBoolean(
                ask(GitCall.Question.DESCENDS, commit, ancestor).get(0));
    }

    @Override
    public List<String> changedPaths(String fromRef, String toRef) {
        return List.copyOf(ask(GitCall.Question.CHANGED_PATHS, fromRef, toRef));
    }

    @Override
    public Optional<String> fileAt(String ref, String path) {
        List<String> text = ask(GitCall.Question.FILE_AT, ref, path);
        return text.isEmpty() ? Optional.empty() : Optional.of(text.get(0));
    }

    private ArrayList<String> ask(GitCall.Question question, String... args) {
        Answer<ArrayList<String>> answer = agent.call(
                new GitCall(tagPattern, question, args),
                "read the repository in the workspace",
                GitFactsException.Problem.UNREADABLE.name());
        if (answer.failure != null) {
            throw new GitFactsException(GitFactsException.Problem.valueOf(answer.kind), answer.failure);
        }
        return answer.value;
    }
}
