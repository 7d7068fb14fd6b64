package io.jenkins.plugins.releasepromotion.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BakeConfigTest {
    private static final String ENV = "environments:\n"
            + "  - name: production\n"
            + "    url: https://example.com\n"
            + "    deploy:\n"
            + "      script:\n"
            + "        command: [./deploy.sh]\n";

    @Test
    void readsTheBakeWindowWithItsDefaultInterval() {
        ReleaseConfig config = ConfigLoader.parse(ENV + "    bake:\n      duration: 10m\n", "test.yaml");
        BakeConfig bake = config.environments().get(0).bake();
        assertThat(bake.duration()).isEqualTo(Duration.ofMinutes(10));
        assertThat(bake.interval()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void noBakeWindowByDefault() {
        assertThat(ConfigLoader.parse(ENV, "test.yaml").environments().get(0).bake())
                .isNull();
    }

    @Test
    void refusesAMissingDurationAndAnIntervalLongerThanIt() {
        assertThatThrownBy(() -> ConfigLoader.parse(ENV + "    bake:\n      interval: 1m\n", "test.yaml"))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems())
                        .containsExactly(
                                "environments[0].bake.duration: required; how long to watch health, e.g. 10m",
                                "environments[0].bake.interval: must be positive and no longer than the duration"));
    }
}
