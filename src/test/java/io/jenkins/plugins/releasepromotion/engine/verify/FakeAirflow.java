package io.jenkins.plugins.releasepromotion.engine.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Airflow's stable REST API, the two calls a DAG check makes, under {@code /airflow-1}: runs of one DAG that finish
 * after a number of polls in a chosen state, or never; optional basic or bearer authentication; a trigger that fails.
 */
final class FakeAirflow implements AutoCloseable {
    static final String DAG = "job_search_pipeline";
    private static final Pattern PATH = Pattern.compile("/airflow-1/api/v1/dags/([^/]+)/dagRuns(?:/([^/]+))?");
    private static final ObjectMapper JSON = new ObjectMapper();

    final TestServer server;
    final List<JsonNode> triggers = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> polls = new ConcurrentHashMap<>();
    volatile int pollsUntilDone = 3;
    /** {@code success}, {@code failed}, or {@code null} for a run that never ends. */
    volatile String finalState = "success";

    volatile String runningState = "running";
    volatile String requiredAuthorization;
    volatile int triggerStatus = 200;
    /** Polls answered 503 before the real state. */
    volatile int failingPolls;

    FakeAirflow() throws IOException {
        server = TestServer.http().on("/airflow-1/", this::handle);
    }

    /** The {@code airflowUrl} with the slot left as a placeholder. */
    String url() {
        return server.url() + "/airflow-{slot}";
    }

    int polls() {
        return polls.values().stream().mapToInt(Integer::intValue).sum();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (requiredAuthorization != null && !requiredAuthorization.equals(authorization)) {
            TestServer.send(exchange, 401, "{\"title\":\"Unauthorized\",\"detail\":\"" + authorization + "\"}");
        } else if (!path.matches() || !DAG.equals(path.group(1))) {
            TestServer.send(exchange, 404, "{\"title\":\"DAG not found\"}");
        } else if (path.group(2) == null && "POST".equals(exchange.getRequestMethod())) {
            trigger(exchange);
        } else {
            poll(exchange, path.group(2));
        }
    }

    private void trigger(HttpExchange exchange) throws IOException {
        if (triggerStatus != 200) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            TestServer.send(
                    exchange,
                    triggerStatus,
                    "{\"title\":\"Airflow is restarting\",\"seen\":\"" + authorization + "\"}");
            return;
        }
        JsonNode body = JSON.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        triggers.add(body);
        String id = body.get("dag_run_id").asText();
        polls.put(id, 0);
        TestServer.send(exchange, 200, "{\"dag_run_id\":\"" + id + "\",\"state\":\"queued\"}");
    }

    private void poll(HttpExchange exchange, String id) throws IOException {
        Integer count = polls.computeIfPresent(id, (key, n) -> n + 1);
        if (count == null) {
            TestServer.send(exchange, 404, "{\"title\":\"DAGRun not found\"}");
            return;
        }
        if (count <= failingPolls) {
            TestServer.send(exchange, 503, "{\"title\":\"scheduler busy\"}");
            return;
        }
        String state = count >= pollsUntilDone && finalState != null ? finalState : runningState;
        TestServer.send(exchange, 200, "{\"dag_run_id\":\"" + id + "\",\"state\":\"" + state + "\"}");
    }

    @Override
    public void close() {
        server.close();
    }
}
