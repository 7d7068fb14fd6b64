package io.jenkins.plugins.releasepromotion.steps;

import io.jenkins.plugins.releasepromotion.engine.config.CheckConfig;
import io.jenkins.plugins.releasepromotion.engine.config.CheckMode;
import io.jenkins.plugins.releasepromotion.engine.config.CheckType;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * A check as it travels to the agent: the position of one of the environment's configured checks (the agent reads the
 * same configuration), or, for a check the engine makes up itself (the bake window's health probe), its type, name,
 * mode, timeout, path and count.
 */
final class CheckRef implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final int index;
    private final String type;
    private final String name;
    private final String mode;
    private final Long timeoutMillis;
    private final int retries;
    private final String path;
    private final int consecutive;

    private CheckRef(CheckConfig check, int index) {
        this.index = index;
        this.type = check.type().name();
        this.name = check.name();
        this.mode = check.mode().name();
        this.timeoutMillis = check.timeout() == null ? null : check.timeout().toMillis();
        this.retries = check.retries();
        this.path = check.path();
        this.consecutive = check.consecutive();
    }

    static CheckRef of(CheckConfig check, List<CheckConfig> configured) {
        return new CheckRef(check, configured.indexOf(check));
    }

    CheckConfig check(List<CheckConfig> configured) {
        if (index >= 0) {
            return configured.get(index);
        }
        return new CheckConfig(
                CheckType.valueOf(type),
                name,
                CheckMode.valueOf(mode),
                timeoutMillis == null ? null : Duration.ofMillis(timeoutMillis),
                retries,
                null,
                path,
                consecutive,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
