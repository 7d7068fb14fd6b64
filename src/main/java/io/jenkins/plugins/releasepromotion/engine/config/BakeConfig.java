package io.jenkins.plugins.releasepromotion.engine.config;

import java.time.Duration;

/**
 * The bake window after a deploy: health is watched for {@code duration}, every {@code interval}; a failure then is a
 * failed verification (and may trigger the one automatic rollback). The mission's "monitor health" after production.
 */
public record BakeConfig(Duration duration, Duration interval) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

    public BakeConfig {
        duration = duration == null ? Duration.ZERO : duration;
        interval = interval == null ? DEFAULT_INTERVAL : interval;
    }
}
