package io.jenkins.plugins.releasepromotion.engine.usecase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.releasepromotion.engine.config.CheckConfig;
import io.jenkins.plugins.releasepromotion.engine.config.CheckType;
import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig;
import io.jenkins.plugins.releasepromotion.engine.gate.Facts.LiveVersion;
import io.jenkins.plugins.releasepromotion.engine.verify.HttpAnswer;
import io.jenkins.plugins.releasepromotion.engine.verify.HttpCall;
import io.jenkins.plugins.releasepromotion.engine.verify.HttpProbe;
import io.jenkins.plugins.releasepromotion.engine.verify.ProbeException;
import java.io.IOException;
import java.time.Duration;

/**
 * Reads an environment slot's {@code /api/version} and health once, over the same HTTP rules as the checks (bounded
 * bodies, same-host redirects, the environment's CA file). Errors become facts, never exceptions.
 */
public final class HttpLive implements LiveVersionSource, HealthSource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Duration timeout;

    public HttpLive(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public LiveVersion read(EnvironmentConfig env, Integer slot) {
        String url = env.urlFor(slot);
        try {
            HttpAnswer answer = get(env, path(env, CheckType.VERSION, "/api/version"), slot);
            if (!answer.isSuccess()) {
                return new LiveVersion(env.name(), slot, url, null, null, "answered " + answer.statusLine());
            }
            JsonNode json = JSON.readTree(answer.body());
            return new LiveVersion(env.name(), slot, url, text(json, "branch"), text(json, "commit_sha"), null);
        } catch (ProbeException | IOException e) {
            return new LiveVersion(env.name(), slot, url, null, null, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new LiveVersion(env.name(), slot, url, null, null, "interrupted");
        }
    }

    @Override
    public HealthSource.Health health(EnvironmentConfig env, Integer slot) {
        String path = path(env, CheckType.HEALTH, "/api/health");
        try {
            HttpAnswer answer = get(env, path, slot);
            return answer.isSuccess()
                    ? HealthSource.Health.OK
                    : new HealthSource.Health(
                            "HTTP " + answer.status(), "GET " + answer.uri() + " answered " + answer.statusLine());
        } catch (ProbeException e) {
            return new HealthSource.Health(
                    switch (e.reach()) {
                        case DOWN -> "down";
                        case UNREACHABLE -> "unreachable";
                        case ANSWERED -> "error";
                    },
                    e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new HealthSource.Health("unknown", "interrupted");
        }
    }

    private HttpAnswer get(EnvironmentConfig env, String path, Integer slot)
            throws ProbeException, InterruptedException {
        return HttpProbe.forCaFile(env.caFile()).send(HttpCall.get(HttpCall.resolve(env.urlFor(slot), path), timeout));
    }

    /** The path the environment's own check of that type uses, else the mission's default. */
    private static String path(EnvironmentConfig env, CheckType type, String fallback) {
        return env.checks().stream()
                .filter(c -> c.type() == type)
                .map(CheckConfig::path)
                .findFirst()
                .orElse(fallback);
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json == null ? null : json.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }
}
