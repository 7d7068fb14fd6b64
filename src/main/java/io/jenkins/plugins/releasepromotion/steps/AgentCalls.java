package io.jenkins.plugins.releasepromotion.steps;

import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.releasepromotion.engine.config.CheckConfig;
import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig;
import io.jenkins.plugins.releasepromotion.engine.deploy.DeployMethod;
import io.jenkins.plugins.releasepromotion.engine.git.GitFacts;
import io.jenkins.plugins.releasepromotion.engine.git.GitFactsException;
import io.jenkins.plugins.releasepromotion.engine.git.TagInfo;
import io.jenkins.plugins.releasepromotion.engine.model.TagPattern;
import io.jenkins.plugins.releasepromotion.engine.port.Command;
import io.jenkins.plugins.releasepromotion.engine.port.CommandException;
import io.jenkins.plugins.releasepromotion.engine.port.CommandResult;
import io.jenkins.plugins.releasepromotion.engine.port.CommandRunner;
import io.jenkins.plugins.releasepromotion.engine.port.CredentialsException;
import io.jenkins.plugins.releasepromotion.engine.port.LogSink;
import io.jenkins.plugins.releasepromotion.engine.usecase.VerificationStep;
import io.jenkins.plugins.releasepromotion.engine.verify.Sleeper;
import io.jenkins.plugins.releasepromotion.engine.verify.VerificationTarget;
import java.io.File;
import java.io.Serial;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import jenkins.MasterToSlaveFileCallable;

/**
 * The work sent to the agent that holds the workspace: git questions, deploy commands, verifications. Each call
 * carries and returns plain values only (text, numbers, lists), and an expected failure comes back as a value, so
 * nothing but our own small classes crosses the channel.
 */
final class AgentCalls {

    private AgentCalls() {}

    /** An answer, or the one-line reason there is none and what kind of failure it was. */
    static final class Answer<T extends Serializable> implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        final T value;
        final String failure;
        final String kind;

        private Answer(T value, String failure, String kind) {
            this.value = value;
            this.failure = failure;
            this.kind = kind;
        }

        static <T extends Serializable> Answer<T> of(T value) {
            return new Answer<>(value, null, null);
        }

        static <T extends Serializable> Answer<T> failed(String kind, String message) {
            return new Answer<>(null, message, kind);
        }
    }

    /** One question to the repository in the workspace. */
    static final class GitCall extends MasterToSlaveFileCallable<Answer<ArrayList<String>>> {
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
                    t.message());
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
                    f.get(7));
        }
    }

    /** A command as plain values. */
    static final class CommandSpec implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        private final ArrayList<String> argv;
        private final String workingDirectory;
        private final HashMap<String, String> environment;
        private final long timeoutMillis;

        CommandSpec(Command command) {
            this.argv = new ArrayList<>(command.argv());
            this.workingDirectory = command.workingDirectory();
            this.environment = new HashMap<>(command.environment());
            this.timeoutMillis = command.timeout().toMillis();
        }

        Command command() {
            return new Command(argv, workingDirectory, environment, Duration.ofMillis(timeoutMillis));
        }
    }

    /** How a command ended, as plain values. */
    static final class ResultSpec implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        private final int exitCode;
        private final boolean timedOut;
        private final long durationMillis;
        private final ArrayList<String> output;

        ResultSpec(CommandResult result) {
            this.exitCode = result.exitCode();
            this.timedOut = result.timedOut();
            this.durationMillis = result.duration().toMillis();
            this.output = new ArrayList<>(result.output());
        }

        CommandResult result() {
            return new CommandResult(exitCode, timedOut, Duration.ofMillis(durationMillis), output);
        }
    }

    /** Runs one command where the environment deploys: in the workspace, or over SSH from this agent. */
    static final class CommandCall extends MasterToSlaveFileCallable<Answer<ResultSpec>> {
        @Serial
        private static final long serialVersionUID = 1L;

        private final AgentWork work;
        private final CommandSpec command;

        CommandCall(AgentWork work, Command command) {
            this.work = work;
            this.command = new CommandSpec(command);
        }

        @Override
        public Answer<ResultSpec> invoke(File workspace, VirtualChannel channel) {
            EnvironmentConfig env = work.environment();
            try (DeployMethod method = work.open(env, workspace)) {
                return Answer.of(new ResultSpec(method.runner().run(command.command(), work.log())));
            } catch (CommandException | CredentialsException e) {
                return Answer.failed("command", work.secrets().mask(e.getMessage()));
            }
        }
    }

    /** The verification outcome, as plain values. */
    static final class Verified implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        final boolean passed;
        final String summary;
        final String reportJson;

        Verified(VerificationStep.Outcome outcome) {
            this.passed = outcome.passed();
            this.summary = outcome.summary();
            this.reportJson = outcome.reportJson();
        }

        VerificationStep.Outcome outcome() {
            return new VerificationStep.Outcome(passed, summary, reportJson);
        }
    }

    /** Runs the environment's checks from this agent; logs and migrations commands go where the deploy runs. */
    static final class VerifyCall extends MasterToSlaveFileCallable<Answer<Verified>> {
        @Serial
        private static final long serialVersionUID = 1L;

        private final AgentWork work;
        private final Integer slot;
        private final String tag;
        private final String commit;
        private final String deployStart;
        private final ArrayList<CheckRef> checks;
        private final boolean withRemote;
        private final boolean quiet;

        /**
         * @param withRemote logs and migrations commands may run where the deploy runs
         * @param quiet nothing in the build log (the bake window's rounds)
         */
        VerifyCall(
                AgentWork work, VerificationTarget target, List<CheckRef> checks, boolean withRemote, boolean quiet) {
            this.work = work;
            this.checks = new ArrayList<>(checks);
            this.withRemote = withRemote;
            this.quiet = quiet;
            this.slot = target.slot();
            this.tag = target.tag();
            this.commit = target.commit();
            this.deployStart = target.deployStartedAt() == null
                    ? null
                    : target.deployStartedAt().toString();
        }

        @Override
        public Answer<Verified> invoke(File workspace, VirtualChannel channel) {
            EnvironmentConfig env = work.environment();
            VerificationTarget target = new VerificationTarget(
                    env, slot, tag, commit, deployStart == null ? null : Instant.parse(deployStart));
            List<CheckConfig> run =
                    checks.stream().map(c -> c.check(env.checks())).toList();
            try (DeployMethod method = withRemote ? work.open(env, workspace) : null) {
                CommandRunner remote = method == null ? null : method.runner();
                VerificationStep step =
                        VerificationStep.using(work.credentials(), Clock.systemUTC(), Sleeper.real(), work.secrets());
                LogSink log = quiet ? LogSink.discard() : work.log();
                return Answer.of(new Verified(step.verify(target, run, remote, log)));
            } catch (CommandException | CredentialsException e) {
                return Answer.failed("verify", work.secrets().mask(e.getMessage()));
            }
        }
    }
}
