package io.jenkins.plugins.releasepromotion.engine.config;

import java.util.Map;

/**
 * One HTTP request of a user flow (login, dashboard, campaigns) and what its answer must hold.
 *
 * @param credentialsId username/password or secret text sent as basic auth or a bearer token
 * @param expectJson JSON pointer to expected value, e.g. {@code /user/name: demo}
 * @param expectBody text the body must contain
 */
public record FlowRequest(
        String name,
        String method,
        String path,
        Map<String, String> headers,
        String body,
        String credentialsId,
        int expectStatus,
        Map<String, String> expectJson,
        String expectBody) {

    public FlowRequest {
        method = method == null || method.isBlank() ? "GET" : method;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        expectStatus = expectStatus == 0 ? 200 : expectStatus;
        expectJson = expectJson == null ? Map.of() : Map.copyOf(expectJson);
    }
}
