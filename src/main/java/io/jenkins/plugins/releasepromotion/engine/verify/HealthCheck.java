package io.jenkins.plugins.releasepromotion.engine.verify;

import io.jenkins.plugins.releasepromotion.engine.config.CheckConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/** The health endpoint answers 2xx; the attempt loop asks for {@code consecutive} such answers in a row. */
final class HealthCheck implements Check {

    @Override
    public Attempt attempt(CheckConfig config, CheckContext context) throws InterruptedException {
        HttpAnswer answer;
        try {
            answer = context.http().send(HttpCall.get(context.url(config.path()), config.timeout()));
        } catch (ProbeException e) {
            return Attempt.fail(e.getMessage(), Map.of("status", "no answer"));
        }
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("status", answer.statusLine());
        if (answer.isSuccess()) {
            return Attempt.pass(answer.statusLine(), evidence);
        }
        evidence.put("body", JsonText.compact(answer.body()));
        return Attempt.fail(answer.statusLine(), evidence);
    }
}
