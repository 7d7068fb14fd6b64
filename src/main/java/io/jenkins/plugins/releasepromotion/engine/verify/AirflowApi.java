package io.jenkins.plugins.releasepromotion.engine.verify;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The two calls of Airflow's stable REST API (v1) a DAG check needs: trigger a run, read its state. Answers that no
 * retry changes (401, 403, 404) become one sentence saying what to fix.
 */
final class AirflowApi {
    private final HttpProbe http;
    private final String base;
    private final String dagId;
    private final String authorization;
    private final String credentialsId;
    private final Duration timeout;

    AirflowApi(
            HttpProbe http, String base, String dagId, String authorization, String credentialsId, Duration timeout) {
        this.http = http;
        this.base = base;
        this.dagId = dagId;
        this.authorization = authorization;
        this.credentialsId = credentialsId;
        this.timeout = timeout;
    }

    HttpAnswer trigger(String runId, Map<String, String> conf) throws ProbeException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dag_run_id", runId);
        body.put("conf", conf);
        HttpCall call = new HttpCall(
                        "POST",
                        url("/dagRuns"),
                        Map.of("Content-Type", "application/json"),
                        JsonText.write(body),
                        timeout)
                .withHeader("Accept", "application/json");
        return http.send(authorized(call));
    }

    HttpAnswer run(String runId) throws ProbeException, InterruptedException {
        return http.send(authorized(HttpCall.get(url("/dagRuns/" + runId), timeout)));
    }

    /** Why Airflow refused, for an answer no retry changes; {@code null} otherwise. */
    String refusal(HttpAnswer answer, String doing) {
        String at = "Airflow at " + base;
        return switch (answer.status()) {
            case 401 ->
                credentialsId == null
                        ? at + " needs credentials (401 Unauthorized) for " + doing + "; set credentialsId"
                        : at + " refused the credentials '" + credentialsId + "' (401 Unauthorized) for " + doing
                                + "; check them, and that auth (basic or bearer) is what the API accepts";
            case 403 ->
                at + " denied " + (credentialsId == null ? "anonymous access" : "'" + credentialsId + "'")
                        + " (403 Forbidden) for " + doing + "; give the user permission to create and read DAG runs";
            case 404 ->
                at + " answered 404 Not Found for " + doing + "; check dagId " + dagId + " and airflowUrl"
                        + " (the stable API lives under /api/v1)";
            default -> null;
        };
    }

    String base() {
        return base;
    }

    private HttpCall authorized(HttpCall call) {
        return authorization == null ? call : call.withHeader("Authorization", authorization);
    }

    private URI url(String tail) throws ProbeException {
        return HttpCall.resolve(base, "/api/v1/dags/" + dagId + tail);
    }
}
