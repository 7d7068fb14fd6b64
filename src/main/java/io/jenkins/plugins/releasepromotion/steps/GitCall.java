package io.jenkins.plugins.releasepromotion.steps;

import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.releasepromotion.engine.git.GitFacts;
import io.jenkins.plugins.releasepromotion.engine.git.GitFactsException;
import io.jenkins.plugins.releasepromotion.engine.git.TagInfo;
import io.jenkins.plugins.releasepromotion.engine.model.TagPattern;
import java.io.File;
import java.io.Serial;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jenkins.MasterToSlaveFileCallable;

/** One question to the repository in the workspace. */
final class GitCall extends MasterToSlaveFileCallable<Answer<ArrayList<String>>> {
    @Serial
    private static final long serialVersionUID = 1L;

    enum Question {
        RESOLVE_TAG,
        FIND_TAG,
        CLASSIFY,
        REACHABLE,
        DESCENDS,
        CHANGED_PATHS,
        FILE_AT
    }

    private final String tagPattern;
    private final Question question;
    private final ArrayList<String> args;

    GitCall(String tagPattern, Question question, String... args) {
        this.tagPattern = tagPattern;
        this.question = question;
        this.args = new ArrayList<>(List.of(args));
    }

    @Override
    public Answer<ArrayList<String>> invoke(File workspace, VirtualChannel channel) {
        TagPattern pattern = tagPattern == null ? TagPattern.defaultPattern() : TagPattern.of(tagPattern);
        try (GitFacts git = GitFacts.open(workspace.toPath(), pattern)) {
            return Answer.of(ask(git));
        } catch (GitFactsException e) {
            return Answer.failed(e.problem().name(), e.getMessage());
        }
    }

    private ArrayList<String> ask(GitFacts git) {
        ArrayList<String> out = new ArrayList<>();
        switch (question) {
            case RESOLVE_TAG -> out.addAll(tag(git.resolveTag(args.get(0))));
            case FIND_TAG -> git.findTag(args.get(0)).ifPresent(t -> out.addAll(tag(t)));
            case CLASSIFY -> out.add(git.classify(args.get(0)).name());
            case REACHABLE -> out.add(Boolean.toString(git.isReachableFrom(args.get(0), args.get(1))));
            case DESCENDS -> out.add(Boolean.toString(git.descendsFrom(args.get(0), args.get(1))));
            case CHANGED_PATHS -> out.addAll(git.changedPaths(args.get(0), args.get(1)));
            case FILE_AT -> git.fileAt(args.get(0), args.get(1)).ifPresent(out::add);
        }
        return out;
    }

    private static List<String> tag(TagInfo t) {
        return Arrays.asList(
                t.name(),
                Boolean.toString(t.annotated()),
                t.objectId(),
                t.commit(),
                t.taggerName(),
                t.taggerEmail(),
                t.taggedAt() == null ? null : t.taggedAt().toString(),
                t.message(),
                t.committedAt() == null ? null : t.committedAt().toString());
    }

    static TagInfo tag(List<String> f) {
        return new TagInfo(
                f.get(0),
                Boolean.parseBoolean(f.get(1)),
                f.get(2),
                f.get(3),
                f.get(4),
                f.get(5),
                f.get(6) == null ? null : Instant.parse(f.get(6)),
                f.get(7),
                f.size() < 9 || f.get(8) == null ? null : Instant.parse(f.get(8)));
    }
}
