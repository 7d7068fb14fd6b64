package io.jenkins.plugins.releasepromotion.engine.verify;

import io.jenkins.plugins.releasepromotion.engine.config.CheckConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The health endpoint answers 2xx; the attempt loop asks for {@code consecutive} such answers in a row.
 *
 * <p>Each request asks the application to hold its answer until it is healthy, up to a second less than the request's
 * timeout ({@code Prefer: wait}, RFC 7240). An application that honours it answers the moment it becomes healthy: one
 * request, no polling delay; if it held the request for the whole wait and is still starting, it is asked again at once.
 * One that ignores it answers at once, and the attempt loop backs off as usual.
 */
final class HealthCheck implements Check {
    static final Duration WAIT_MARGIN = Duration.ofSeconds(1);

    @Override
    public Attempt attempt(CheckConfig config, CheckContext context) throws InterruptedException {
        HttpAnswer answer;
        try {
            HttpCall call = HttpCall.get(context.url(config.path()), config.timeout());
            long waitSeconds = config.timeout().minus(WAIT_MARGIN).toSeconds();
            if (waitSeconds >= 1) {
                call = call.withHeader("Prefer", "wait=" + waitSeconds);
            }
            answer = context.http().send(call);
        } catch (ProbeException e) {
            return Attempt.fail(e.getMessage(), Map.of("status", "no answer"));
        }
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("status", answer.statusLine());
        if (answer.isSuccess()) {
            return Attempt.pass(answer.statusLine(), evidence);
        }
        evidence.put("body", JsonText.compact(answer.body()));
        return answer.waited()
                ? Attempt.paced(answer.statusLine(), evidence)
                : Attempt.fail(answer.statusLine(), evidence);
    }
}
