package io.jenkins.plugins.releasepromotion.steps;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A test of the steps over a fresh {@link Scenario} (repository, agent channel, configuration) per test. */
abstract class ScenarioTest {
    @TempDir
    Path dir;

    Scenario scenario;

    @BeforeEach
    void openScenario() throws Exception {
        scenario = new Scenario(dir);
    }

    @AfterEach
    void closeScenario() {
        scenario.close();
    }
}
