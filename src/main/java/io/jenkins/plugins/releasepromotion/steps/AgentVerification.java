package io.jenkins.plugins.releasepromotion.steps;

import io.jenkins.plugins.releasepromotion.engine.config.CheckConfig;
import io.jenkins.plugins.releasepromotion.engine.port.CommandRunner;
import io.jenkins.plugins.releasepromotion.engine.port.LogSink;
import io.jenkins.plugins.releasepromotion.engine.usecase.VerificationStep;
import io.jenkins.plugins.releasepromotion.engine.verify.VerificationTarget;
import java.util.List;

/**
 * Verification on the agent: the checks reach the application from where the build runs, and logs and migrations
 * commands go where the deploy runs, from there. The environment's configured checks are the ones run.
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
        AgentCalls.Answer<AgentCalls.Verified> answer =
                agent.call(new AgentCalls.VerifyCall(work, target), "verify " + target.tag(), "verify");
        if (answer.failure != null) {
            return new Outcome(false, "verification could not run: " + answer.failure, null);
        }
        return answer.value.outcome();
    }
}
