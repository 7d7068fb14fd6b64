package io.jenkins.plugins.releasepromotion.engine.config;

import static io.jenkins.plugins.releasepromotion.engine.config.ConfigTexts.STAGING;
import static io.jenkins.plugins.releasepromotion.engine.config.ConfigTexts.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CheckRulesTest {
    private static final String CHECK = "environments[0].checks[0].";

    /** The staging environment with a URL and {@code checks} as a YAML flow list. */
    private static String checks(String checks) {
        return STAGING + "    url: https://staging.example.com\n    checks: " + checks + "\n";
    }

    @Test
    void requiresTheCheckType() {
        assertThat(problemsOf(checks("[{name: health}]")))
                .containsExactly(CHECK + "type: required; one of version, health, flows, dag, logs, migrations");
    }

    @Test
    void refusesAnUnknownTypeOnce() {
        assertThat(problemsOf(checks("[{type: smoke}]")))
                .containsExactly(CHECK + "type: 'smoke' is not one of version, health, flows, dag, logs, migrations");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "21"})
    void refusesRetriesOutOfRange(String retries) {
        assertThat(problemsOf(checks("[{type: health, retries: " + retries + "}]")))
                .containsExactly(CHECK + "retries: " + retries + " is out of range; use 0 to 20");
    }

    @Test
    void refusesFewerThanOneConsecutiveSuccess() {
        assertThat(problemsOf(checks("[{type: health, consecutive: 0}]")))
                .containsExactly(CHECK + "consecutive: 0 is out of range; use 1 to 100");
    }

    @Test
    void refusesAPathWithoutLeadingSlash() {
        assertThat(problemsOf(checks("[{type: health, path: api/health}]")))
                .containsExactly(CHECK + "path: 'api/health' must start with '/', e.g. /api/health");
    }

    @Test
    void refusesTwoChecksWithTheSameName() {
        assertThat(problemsOf(checks("[{type: health}, {type: health, consecutive: 5}]")))
                .containsExactly("environments[0].checks[1].name: 'health' is already the name of checks[0]; give each"
                        + " check its own name");
    }

    @Test
    void dagNeedsDagIdAndAirflowUrl() {
        assertThat(problemsOf(checks("[{type: dag, auth: digest}]")))
                .containsExactly(
                        CHECK + "auth: 'digest' is not one of basic, bearer",
                        CHECK + "dagId: required; the Airflow DAG to trigger, e.g. job_search_pipeline",
                        CHECK + "airflowUrl: required; the Airflow web server's base URL");
    }

    @Test
    void dagUrlFollowsTheUrlRules() {
        assertThat(problemsOf(
                        checks("[{type: dag, dagId: 'a/../b', airflowUrl: 'https://airflow-{slot}.example.com'}]")))
                .containsExactly(
                        CHECK + "dagId: 'a/../b' is not a DAG ID; use letters, digits, '.', '_' and '-'",
                        CHECK + "airflowUrl: contains {slot} but the environment has no slots; set slots or remove"
                                + " {slot}");
    }

    @Test
    void dagAuthIsCaseInsensitive() {
        CheckConfig dag = ConfigLoader.parse(
                        checks("[{type: dag, dagId: d, airflowUrl: 'https://airflow', auth: Bearer}]"), "test.yaml")
                .environments()
                .get(0)
                .checks()
                .get(0);

        assertThat(dag.auth()).isEqualTo("bearer");
    }

    @Test
    void logsNeedCommandAndFailurePatterns() {
        assertThat(problemsOf(checks("[{type: logs}]")))
                .containsExactly(
                        CHECK + "command: required; the command that prints the logs, e.g. [docker, compose, logs,"
                                + " --tail=200]; give the command as a list of arguments, e.g."
                                + " [./scripts/deploy-staging.sh, '{slot}', '{tag}']",
                        CHECK + "failurePatterns: required; give at least one regular expression for a failing line,"
                                + " e.g. '(?i)\\bERROR\\b'");
    }

    @Test
    void namesTheIndexOfABadPattern() {
        assertThat(problemsOf(checks("[{type: logs, command: [cat, log], failurePatterns: [ERROR, '(oops'],"
                        + " ignorePatterns: ['[a-']}]")))
                .containsExactly(
                        CHECK + "failurePatterns[1]: '(oops' is not a regular expression (Unclosed group); fix it, or"
                                + " escape special characters with a backslash",
                        CHECK + "ignorePatterns[0]: '[a-' is not a regular expression (Illegal character range); fix"
                                + " it, or escape special characters with a backslash");
    }

    @Test
    void flowsNeedAtLeastOneRequest() {
        assertThat(problemsOf(checks("[{type: flows}]")))
                .containsExactly(CHECK + "requests: required; give at least one request, e.g. {name: login, method:"
                        + " POST, path: /api/login}");
    }

    @Test
    void flowRequestPathsStartWithSlash() {
        assertThat(problemsOf(checks("[{type: flows, requests: [{name: login}, {name: dashboard, path: dashboard}]}]")))
                .containsExactly(
                        CHECK + "requests[0].path: required; the request path starts with '/', e.g. /api/dashboard",
                        CHECK + "requests[1].path: 'dashboard'; the request path starts with '/', e.g."
                                + " /api/dashboard");
    }

    @Test
    void flowRequestValuesAreChecked() {
        assertThat(problemsOf(checks("[{type: flows, requests: [{path: /api/login, method: FETCH, expectStatus: 42,"
                        + " expectJson: [{pointer: user/name, value: demo}]}]}]")))
                .containsExactly(
                        CHECK
                                + "requests[0].method: 'FETCH' is not one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS",
                        CHECK + "requests[0].expectStatus: 42 is out of range; use 100 to 599",
                        CHECK + "requests[0].expectJson.user/name: not a JSON pointer; it starts with '/', e.g."
                                + " /user/name");
    }

    @Test
    void namedValuesAreAListOfItemsNotAMapping() {
        assertThat(problemsOf(checks("[{type: flows, requests: [{path: /api/login, headers: {Accept: text/html},"
                        + " expectJson: [{pointer: /user/name}, {value: demo}, {pointer: /a, value: b, op: eq}]}]}]")))
                .containsExactly(
                        CHECK + "requests[0].headers: expected a list, got a mapping; write one item per entry, e.g."
                                + " [{name: Accept, value: application/json}]",
                        CHECK + "requests[0].expectJson[2].op: unknown field; expected one of pointer, value",
                        CHECK + "requests[0].expectJson[0].value: required; e.g. [{pointer: /user/name, value: demo}]",
                        CHECK + "requests[0].expectJson[1].pointer: required; e.g. [{pointer: /user/name, value:"
                                + " demo}]");
    }

    @Test
    void migrationsNeedEndpointOrCommand() {
        assertThat(problemsOf(checks("[{type: migrations}]")))
                .containsExactly(
                        "environments[0].checks[0]: required: either path, jsonPointer and expected (a value in"
                                + " an endpoint's JSON) or command (run where the deploy runs)");
        assertThat(problemsOf(checks("[{type: migrations, path: /api/health, command: [./check.sh]}]")))
                .containsExactly("environments[0].checks[0]: give either path, jsonPointer and expected (a value in an"
                        + " endpoint's JSON) or command (run where the deploy runs), not both");
    }

    @Test
    void migrationsEndpointNeedsAllThreeFields() {
        assertThat(problemsOf(checks("[{type: migrations, jsonPointer: pending}]")))
                .containsExactly(
                        CHECK + "path: required with jsonPointer; e.g. /api/health/migrations",
                        CHECK + "expected: required with jsonPointer; the value it must hold",
                        CHECK + "jsonPointer: 'pending'; a JSON pointer starts with '/', e.g. /migrations/pending");
    }
}
