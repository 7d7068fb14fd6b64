package io.jenkins.plugins.releasepromotion.sample;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Ways the sample app can misbehave, so that verification can be tested against each failure a real deploy shows.
 * Read once at start from {@code faults.json} in the deployment directory (absent: none), so a test changes them
 * between deploys. Every field is optional; an unknown one is refused so a typo never passes as "no fault".
 *
 * @param startDelayMillis does not listen until this long after start
 * @param slowStartMillis {@code /api/health} answers 503 until this long after start
 * @param flappingHealth {@code /api/health} alternates between 200 and 503
 * @param wrongCommit {@code /api/version} reports another commit than the one checked out
 * @param staleDeployedAt {@code /api/version} reports {@value #STALE_DEPLOYED_AT} as {@code deployed_at}
 * @param versionStatus {@code /api/version} answers with this status (e.g. 500) instead of the version
 * @param malformedJson {@code /api/version} answers 200 with JSON cut off in the middle
 * @param hugeBodyMiB {@code /api/version} streams a body of this many MiB
 * @param hang {@code /api/version} and {@code /api/health} never answer
 * @param pendingMigrations the last this many migrations are reported pending, not applied
 */
public record Faults(
        long startDelayMillis,
        long slowStartMillis,
        boolean flappingHealth,
        boolean wrongCommit,
        boolean staleDeployedAt,
        int versionStatus,
        boolean malformedJson,
        int hugeBodyMiB,
        boolean hang,
        int pendingMigrations) {
    public static final String FILE = "faults.json";
    public static final String STALE_DEPLOYED_AT = "2020-01-01T00:00:00Z";
    public static final Faults NONE = new Faults(0, 0, false, false, false, 0, false, 0, false, 0);

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public static Faults read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            return NONE;
        }
        try {
            return MAPPER.readValue(file.toFile(), Faults.class);
        } catch (JsonProcessingException e) {
            throw new IOException(
                    file + " cannot be read: " + e.getOriginalMessage() + "; see the fields in docs/deploy-methods.md.",
                    e);
        }
    }
}
