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
        return AgentCalls.GitCall.tag(ask(AgentCalls.GitCall.Question.RESOLVE_TAG, name));
    }

    @Override
    public Optional<TagInfo> findTag(String name) {
        List<String> fields = ask(AgentCalls.GitCall.Question.FIND_TAG, name);
        return fields.isEmpty() ? Optional.empty() : Optional.of(AgentCalls.GitCall.tag(fields));
    }

    @Override
    public RefKind classify(String name) {
        return RefKind.valueOf(ask(AgentCalls.GitCall.Question.CLASSIFY, name).get(0));
    }

    @Override
    public boolean isReachableFrom(String commit, String branch) {
        return Boolean.parseBoolean(
                ask(AgentCalls.GitCall.Question.REACHABLE, commit, branch).get(0));
    }

    @Override
    public boolean descendsFrom(String commit, String ancestor) {
        return Boolean.parseBoolean(
                ask(AgentCalls.GitCall.Question.DESCENDS, commit, ancestor).get(0));
    }

    @Override
    public List<String> changedPaths(String fromRef, String toRef) {
        return List.copyOf(ask(AgentCalls.GitCall.Question.CHANGED_PATHS, fromRef, toRef));
    }

    @Override
    public Optional<String> fileAt(String ref, String path) {
        List<String> text = ask(AgentCalls.GitCall.Question.FILE_AT, ref, path);
        return text.isEmpty() ? Optional.empty() : Optional.of(text.get(0));
    }

    private ArrayList<String> ask(AgentCalls.GitCall.Question question, String... args) {
        AgentCalls.Answer<ArrayList<String>> answer = agent.call(
                new AgentCalls.GitCall(tagPattern, question, args),
                "read the repository in the workspace",
                GitFactsException.Problem.UNREADABLE.name());
        if (answer.failure != null) {
            throw new GitFactsException(GitFactsException.Problem.valueOf(answer.kind), answer.failure);
        }
        return answer.value;
    }
}
