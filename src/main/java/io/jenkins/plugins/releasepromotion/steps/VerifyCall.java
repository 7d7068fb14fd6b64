package io.jenkins.plugins.releasepromotion.steps;

import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.releasepromotion.engine.config.CheckConfig;
import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig;
import io.jenkins.plugins.releasepromotion.engine.deploy.DeployMethod;
import io.jenkins.plugins.releasepromotion.engine.port.CommandException;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jenkins.MasterToSlaveFileCallable;

/** Runs the environment's checks from this agent; logs and migrations commands go where the deploy runs. */
final class VerifyCall extends MasterToSlaveFileCallable<Answer<VerifyCall.Verified>> {
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
    VerifyCall(AgentWork work, VerificationTarget target, List<CheckRef> checks, boolean withRemote, boolean quiet) {
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
        VerificationTarget target =
                new VerificationTarget(env, slot, tag, commit, deployStart == null ? null : Instant.parse(deployStart));
        List<CheckConfig> run = checks.stream().map(c -> c.check(env.checks())).toList();
        try (DeployMethod method = withRemote ? work.open(env) : null) {
            CommandRunner remote = method == null ? null : method.runner();
            VerificationStep step =
                    VerificationStep.using(work.credentials(), Clock.systemUTC(), Sleeper.real(), work.secrets());
            LogSink log = quiet ? LogSink.discard() : work.log();
            return Answer.of(new Verified(step.verify(target, run, remote, log)));
        } catch (CommandException | CredentialsException e) {
            return Answer.failed("verify", work.secrets().mask(e.getMessage()));
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
}
