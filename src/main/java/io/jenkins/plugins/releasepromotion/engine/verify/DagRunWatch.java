package io.jenkins.plugins.releasepromotion.engine.verify;

import io.jenkins.plugins.releasepromotion.engine.config.CheckConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Polls one DAG run until it succeeds, fails, Airflow refuses us, or the deadline passes. */
final class DagRunWatch {
    private final AirflowApi api;
    private final String runId;
    private final CheckConfig config;
    private final CheckContext context;
    private final Map<String, String> evidence;
    private final String run;
    private String state = "queued";
    private String problem;

    DagRunWatch(AirflowApi api, String runId, CheckConfig config, CheckContext context, Map<String, String> evidence) {
        this.api = api;
        this.runId = runId;
        this.config = config;
        this.context = context;
        this.evidence = evidence;
        this.run = "DAG run " + runId + " of " + config.dagId();
        evidence.put("state", state);
    }

    Attempt await() throws InterruptedException {
        Instant start = context.clock().instant();
        Instant deadline = start.plus(config.deadline());
        Duration interval = DagCheck.FIRST_POLL;
        for (int polls = 1; ; polls++) {
            Duration left = Duration.between(context.clock().instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                return Attempt.fail(
                        run + " still " + state + " after " + Times.text(config.deadline()) + " (state: " + state
                                + hint() + ")",
                        evidence);
            }
            context.sleeper().sleep(interval.compareTo(left) < 0 ? interval : left);
            interval = next(interval);
            evidence.put("polls", Integer.toString(polls));
            Attempt refused = poll();
            if (refused != null) {
                return refused;
            }
            Duration took = Duration.between(start, context.clock().instant());
            if ("success".equals(state)) {
                return Attempt.pass(run + " succeeded in " + Times.text(took), evidence);
            }
            if ("failed".equals(state)) {
                return Attempt.fail(
                        run + " failed after " + Times.text(took) + " (state: failed); see its task logs"
                                + " in Airflow at " + api.base(),
                        evidence);
            }
        }
    }

    /** Reads the run's state; an answer no retry changes ends the watch. A poll without answer is remembered only. */
    private Attempt poll() throws InterruptedException {
        try {
            HttpAnswer answer = api.run(runId);
            String refusal = api.refusal(answer, "reading " + run);
            if (refusal != null) {
                return new Attempt(false, refusal, evidence, true, false);
            }
            String seen = answer.isSuccess() ? DagCheck.state(answer.body()) : null;
            problem = seen == null ? answer.statusLine() + " " + context.shown(answer.body()) : null;
            state = seen == null ? state : context.shown(seen);
        } catch (ProbeException e) {
            problem = e.getMessage();
        }
        evidence.put("state", state);
        return null;
    }

    private static Duration next(Duration interval) {
        Duration grown = Duration.ofMillis(interval.toMillis() * 3 / 2);
        return grown.compareTo(DagCheck.MAX_POLL) > 0 ? DagCheck.MAX_POLL : grown;
    }

    private String hint() {
        if (problem != null) {
            return "; last poll: " + problem;
        }
        return "queued".equals(state) ? "; is the DAG paused?" : "";
    }
}
