package io.jenkins.plugins.releasepromotion.engine.verify;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.releasepromotion.engine.config.CheckConfig;
import io.jenkins.plugins.releasepromotion.engine.port.CredentialsException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Triggers an Airflow DAG run and waits for it to succeed before the deadline, polling often at first and less
 * often as the run goes on. A poll that gets no answer is not the end: the run goes on in Airflow regardless.
 */
final class DagCheck implements Check {
    static final Duration FIRST_POLL = Duration.ofSeconds(2);
    static final Duration MAX_POLL = Duration.ofSeconds(30);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    @Override
    public Attempt attempt(CheckConfig config, CheckContext context) throws InterruptedException {
        if (config.airflowUrl() == null || config.dagId() == null) {
            return Attempt.conclusive(config.name() + " needs dagId and airflowUrl; set both");
        }
        Integer slot = context.target().slot();
        String base = config.airflowUrl().replace("{slot}", slot == null ? "" : slot.toString());
        AirflowApi api;
        try {
            String authorization =
                    context.authorizations().header(config.credentialsId(), Authorizations.scheme(config.auth()));
            api = new AirflowApi(
                    context.http(), base, config.dagId(), authorization, config.credentialsId(), config.timeout());
        } catch (CredentialsException e) {
            return Attempt.conclusive(e.getMessage());
        }
        String runId = runId(context.target().tag(), context.clock().instant());
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("airflow", base);
        evidence.put("dagRunId", runId);
        Attempt refused = trigger(api, runId, config, context, evidence);
        return refused != null ? refused : new DagRunWatch(api, runId, config, context, evidence).await();
    }

    /** Starts the run; {@code null} when Airflow took it, the failed attempt otherwise. */
    private static Attempt trigger(
            AirflowApi api, String runId, CheckConfig config, CheckContext context, Map<String, String> evidence)
            throws InterruptedException {
        String doing = "triggering DAG " + config.dagId();
        try {
            HttpAnswer answer = api.trigger(runId, config.conf());
            String refusal = api.refusal(answer, doing);
            if (refusal != null) {
                return new Attempt(false, refusal, evidence, true, false);
            }
            if (answer.isSuccess()) {
                return null;
            }
            evidence.put("trigger", answer.statusLine());
            return Attempt.fail(
                    "Airflow at " + api.base() + " answered " + answer.statusLine() + " to " + doing + " ("
                            + context.shown(answer.body()) + ")",
                    evidence);
        } catch (ProbeException e) {
            return Attempt.fail(doing + ": " + e.getMessage(), evidence);
        }
    }

    /** Unique per attempt, readable in Airflow's list of runs, and safe in a URL path. */
    static String runId(String tag, Instant now) {
        return "release-" + tag.replaceAll("[^A-Za-z0-9_.-]", "-") + "-" + STAMP.format(now);
    }

    /** The state in a DAG run's JSON, or {@code null}. */
    static String state(String body) {
        JsonNode json = JsonText.parse(body);
        return json == null || !json.isObject() ? null : JsonText.field(json, "state");
    }
}
