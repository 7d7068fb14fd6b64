package io.jenkins.plugins.releasepromotion.steps;

import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.releasepromotion.engine.config.ConfigLoader;
import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig;
import io.jenkins.plugins.releasepromotion.engine.gate.Facts.LiveVersion;
import io.jenkins.plugins.releasepromotion.engine.usecase.HealthSource;
import io.jenkins.plugins.releasepromotion.engine.usecase.HttpLive;
import java.io.File;
import java.io.Serial;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import jenkins.MasterToSlaveFileCallable;

/**
 * One reading of an environment slot, made on this agent: its {@code /api/version} (tag, commit, or why it could not
 * be read) or its health (its state and why it is not ok). The environment is read from the configuration's text here, so its {@code caFile} is this
 * agent's file. Only text crosses the channel.
 */
final class LiveCall extends MasterToSlaveFileCallable<Answer<ArrayList<String>>> {
    @Serial
    private static final long serialVersionUID = 1L;

    enum Reading {
        VERSION,
        HEALTH
    }

    private final String configYaml;
    private final String environment;
    private final Integer slot;
    private final Reading reading;
    private final long timeoutMillis;

    LiveCall(String configYaml, String environment, Integer slot, Reading reading, Duration timeout) {
        this.configYaml = configYaml;
        this.environment = environment;
        this.slot = slot;
        this.reading = reading;
        this.timeoutMillis = timeout.toMillis();
    }

    @Override
    public Answer<ArrayList<String>> invoke(File workspace, VirtualChannel channel) {
        EnvironmentConfig env = ConfigLoader.parse(configYaml, "the configuration sent to the agent")
                .environment(environment)
                .orElse(null);
        if (env == null) {
            return Answer.failed("live", "environment " + environment + " left the configuration");
        }
        HttpLive live = new HttpLive(Duration.ofMillis(timeoutMillis));
        if (reading == Reading.HEALTH) {
            HealthSource.Health health = live.health(env, slot);
            return Answer.of(new ArrayList<>(Arrays.asList(health.state(), health.detail())));
        }
        LiveVersion seen = live.read(env, slot);
        return Answer.of(new ArrayList<>(Arrays.asList(seen.tag(), seen.commit(), seen.error())));
    }
}
