package io.jenkins.plugins.releasepromotion.engine.verify;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.releasepromotion.engine.config.FlowRequest;
import java.util.Map;
import java.util.TreeMap;

/** What a flow request's answer must hold: its status, text in its body, values at JSON pointers. */
final class FlowExpectations {
    private FlowExpectations() {}

    /** The first expectation the answer misses, as a sentence, or {@code null} when it meets them all. */
    static String problem(FlowRequest request, HttpAnswer answer, CheckContext context) {
        if (answer.status() != request.expectStatus()) {
            return "expected " + HttpAnswer.statusLine(request.expectStatus()) + ", got " + answer.statusLine()
                    + (answer.body().isBlank() ? "" : " (" + context.shown(answer.body()) + ")");
        }
        if (request.expectBody() != null && !answer.body().contains(request.expectBody())) {
            return "the answer does not contain '" + context.shown(request.expectBody()) + "' ("
                    + context.shown(answer.body()) + ")";
        }
        if (request.expectJson().isEmpty()) {
            return null;
        }
        JsonNode json = JsonText.parse(answer.body());
        if (json == null) {
            return "expected JSON, got " + context.shown(answer.body());
        }
        for (Map.Entry<String, String> expected : new TreeMap<>(request.expectJson()).entrySet()) {
            String value = JsonText.at(json, expected.getKey());
            if (!expected.getValue().equals(value)) {
                return expected.getKey() + " is " + (value == null ? "missing" : "'" + context.shown(value) + "'")
                        + ", expected '" + context.shown(expected.getValue()) + "'";
            }
        }
        return null;
    }
}
