package io.jenkins.plugins.releasepromotion.steps;

import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig;
import io.jenkins.plugins.releasepromotion.engine.gate.Facts.LiveVersion;
import io.jenkins.plugins.releasepromotion.engine.usecase.HealthSource;
import io.jenkins.plugins.releasepromotion.engine.usecase.LiveVersionSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what environment slots report, from the agent: the controller may not reach the environments, and an
 * environment's {@code caFile} is a path on the agent. Each reading is one request sent from there; a reading the
 * agent could not make is a fact ("could not ask the agent ..."), as an unreachable slot is.
 */
final class AgentLive implements LiveVersionSource, HealthSource {
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Agent agent;
    private final String configYaml;

    AgentLive(Agent agent, String configYaml) {
        this.agent = agent;
        this.configYaml = configYaml;
    }

    @Override
    public LiveVersion read(EnvironmentConfig env, Integer slot) {
        Answer<ArrayList<String>> answer = ask(LiveCall.Reading.VERSION, env, slot);
        if (answer.failure != null) {
            return new LiveVersion(env.name(), slot, env.urlFor(slot), null, null, answer.failure);
        }
        List<String> seen = answer.value;
        return new LiveVersion(env.name(), slot, env.urlFor(slot), seen.get(0), seen.get(1), seen.get(2));
    }

    @Override
    public Health health(EnvironmentConfig env, Integer slot) {
        Answer<ArrayList<String>> answer = ask(LiveCall.Reading.HEALTH, env, slot);
        if (answer.failure != null) {
            return new Health("error", answer.failure);
        }
        return new Health(answer.value.get(0), answer.value.get(1));
    }

    private Answer<ArrayList<String>> ask(LiveCall.Reading reading, EnvironmentConfig env, Integer slot) {
        return agent.call(
                new LiveCall(configYaml, env.name(), slot, reading, TIMEOUT),
                "read what " + PromoteTagStep.where(env.name(), slot) + " reports",
                "live");
    }
}
