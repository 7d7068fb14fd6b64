package io.jenkins.plugins.releasepromotion.steps;

import io.jenkins.plugins.releasepromotion.engine.config.CheckConfig;
import io.jenkins.plugins.releasepromotion.engine.port.CommandRunner;
import io.jenkins.plugins.releasepromotion.engine.port.LogSink;
import io.jenkins.plugins.releasepromotion.engine.usecase.VerificationStep;
import io.jenkins.plugins.releasepromotion.engine.verify.VerificationTarget;
import java.util.List;

/**
 * Verification on the agent: the checks reach the application from where the build runs, and logs and migrations
 * commands go where the deploy runs, from there. The checks asked for are the ones run: the environment's configured
 * checks after a deploy, the health probe in each round of a bake window.
 */
final class AgentVerification implements VerificationStep {
    private final Agent agent;
    private final AgentWork work;

    AgentVerification(Agent agent, AgentWork work) {
        this.agent = agent;
        this.work = work;
    }

    @Override
    public Outcome verify(VerificationTarget target, List<CheckConfig> checks, CommandRunner remote, LogSink log) {
        List<CheckRef> refs = checks.stream()
                .map(c -> CheckRef.of(c, target.environment().checks()))
                .toList();
        // Without a place to run commands the engine asks for a probe, not a verification: the rounds of a bake
        // window, which it keeps out of the console. A verification writes its lines from the agent as it goes.
        boolean probe = remote == null;
        Answer<VerifyCall.Verified> answer =
                agent.call(new VerifyCall(work, target, refs, !probe, probe), "verify " + target.tag(), "verify");
        if (answer.failure != null) {
            return new Outcome(false, "verification could not run: " + answer.failure, null);
        }
        return answer.value.outcome();
    }
}
