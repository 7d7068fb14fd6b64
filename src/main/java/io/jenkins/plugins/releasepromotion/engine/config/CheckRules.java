package io.jenkins.plugins.releasepromotion.engine.config;

import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The rules of an environment's verification checks; the flows' requests are in {@link FlowRules}. */
final class CheckRules {
    /** Airflow DAG IDs go into the REST API's URL path. */
    private static final Pattern DAG_ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");

    private CheckRules() {}

    static void checks(EnvironmentConfig environment, String environmentPath, Problems problems) {
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < environment.checks().size(); i++) {
            CheckConfig check = environment.checks().get(i);
            String path = Problems.index(Problems.child(environmentPath, "checks"), i);
            Integer earlier = names.putIfAbsent(check.name(), i);
            if (earlier != null && check.type() != null) {
                problems.add(
                        Problems.child(path, "name"),
                        "'" + DisplayText.of(check.name()) + "' is already the name of checks[" + earlier
                                + "]; give each check its own name");
            }
            check(check, environment.slots(), path, problems);
        }
    }

    private static void check(CheckConfig check, int slots, String path, Problems problems) {
        if (check.type() == null) {
            problems.add(
                    Problems.child(path, "type"), "required; one of version, health, flows, dag, logs, migrations");
            return;
        }
        if (check.path() != null && !check.path().startsWith("/")) {
            problems.add(
                    Problems.child(path, "path"),
                    "'" + DisplayText.of(check.path()) + "' must start with '/', e.g. /api/health");
        }
        switch (check.type()) {
            case FLOWS -> FlowRules.requests(check.requests(), Problems.child(path, "requests"), problems);
            case DAG -> dag(check, slots, path, problems);
            case LOGS -> logs(check, path, problems);
            case MIGRATIONS -> migrations(check, path, problems);
            default -> {
                // version and health need nothing beyond the environment's URL
            }
        }
    }

    private static void dag(CheckConfig check, int slots, String path, Problems problems) {
        if (check.dagId() == null || check.dagId().isBlank()) {
            problems.add(
                    Problems.child(path, "dagId"), "required; the Airflow DAG to trigger, e.g. job_search_pipeline");
        } else if (!DAG_ID.matcher(check.dagId()).matches()) {
            problems.add(
                    Problems.child(path, "dagId"),
                    "'" + DisplayText.of(check.dagId()) + "' is not a DAG ID; use letters, digits, '.', '_' and '-'");
        }
        if (check.airflowUrl() == null) {
            problems.add(Problems.child(path, "airflowUrl"), "required; the Airflow web server's base URL");
        } else {
            UrlRule.check(check.airflowUrl(), slots, Problems.child(path, "airflowUrl"), problems);
        }
        FlowRules.noSecretNames(check.conf().keySet(), Problems.child(path, "conf"), problems);
    }

    private static void logs(CheckConfig check, String path, Problems problems) {
        DeployRules.argv(
                check.command(),
                Problems.child(path, "command"),
                problems,
                "required; the command that prints the logs, e.g. [docker, compose, logs, --tail=200]");
        if (check.failurePatterns().isEmpty()) {
            problems.add(
                    Problems.child(path, "failurePatterns"),
                    "required; give at least one regular expression for a failing line, e.g. '(?i)\\bERROR\\b'");
        }
        patterns(check.failurePatterns(), Problems.child(path, "failurePatterns"), problems);
        patterns(check.ignorePatterns(), Problems.child(path, "ignorePatterns"), problems);
    }

    private static void patterns(List<String> patterns, String path, Problems problems) {
        for (int i = 0; i < patterns.size(); i++) {
            try {
                Pattern.compile(patterns.get(i));
            } catch (PatternSyntaxException e) {
                problems.add(
                        Problems.index(path, i),
                        "'" + DisplayText.of(patterns.get(i)) + "' is not a regular expression (" + e.getDescription()
                                + "); fix it, or escape special characters with a backslash");
            }
        }
    }

    private static void migrations(CheckConfig check, String path, Problems problems) {
        boolean endpoint = check.path() != null || check.jsonPointer() != null || check.expected() != null;
        boolean command = !check.command().isEmpty();
        if (endpoint == command) {
            problems.add(
                    path,
                    (endpoint ? "give either" : "required: either")
                            + " path, jsonPointer and expected (a value in an endpoint's JSON) or command (run where"
                            + " the deploy runs)" + (endpoint ? ", not both" : ""));
            return;
        }
        if (command) {
            DeployRules.argv(check.command(), Problems.child(path, "command"), problems, null);
            return;
        }
        if (check.path() == null) {
            problems.add(Problems.child(path, "path"), "required with jsonPointer; e.g. /api/health/migrations");
        }
        if (check.expected() == null) {
            problems.add(Problems.child(path, "expected"), "required with jsonPointer; the value it must hold");
        }
        if (check.jsonPointer() == null || !check.jsonPointer().startsWith("/")) {
            problems.add(
                    Problems.child(path, "jsonPointer"),
                    (check.jsonPointer() == null ? "required" : "'" + DisplayText.of(check.jsonPointer()) + "'")
                            + "; a JSON pointer starts with '/', e.g. /migrations/pending");
        }
    }
}
