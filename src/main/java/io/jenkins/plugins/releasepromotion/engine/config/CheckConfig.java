package io.jenkins.plugins.releasepromotion.engine.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One verification check. Common fields first; the rest apply to the types named beside them.
 *
 * @param path endpoint path (version, health, migrations); defaults {@code /api/version}, {@code /api/health}
 * @param consecutive successes in a row a health check needs (default 3)
 * @param deadline how long a DAG run may take to reach a terminal state (default 30 minutes)
 * @param requests the user flows (flows)
 * @param dagId, airflowUrl, credentialsId, auth the Airflow DAG run (dag); auth is {@code basic} (default) or {@code bearer}
 * @param command a command (argv) run where the deploy runs (logs, migrations)
 * @param failurePatterns, ignorePatterns regular expressions over the log lines (logs)
 * @param jsonPointer, expected a value in the endpoint's JSON (migrations)
 */
public record CheckConfig(
        CheckType type,
        String name,
        CheckMode mode,
        Duration timeout,
        int retries,
        Duration backoff,
        String path,
        int consecutive,
        List<FlowRequest> requests,
        String dagId,
        String airflowUrl,
        String credentialsId,
        String auth,
        Duration deadline,
        List<String> command,
        List<String> failurePatterns,
        List<String> ignorePatterns,
        String jsonPointer,
        String expected,
        Map<String, String> conf) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(1);
    public static final int DEFAULT_CONSECUTIVE = 3;
    public static final Duration DEFAULT_DAG_DEADLINE = Duration.ofMinutes(30);

    public CheckConfig {
        name = name == null || name.isBlank()
                ? (type == null ? "check" : type.name().toLowerCase(java.util.Locale.ROOT))
                : name;
        mode = mode == null ? CheckMode.ENFORCE : mode;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        backoff = backoff == null ? DEFAULT_BACKOFF : backoff;
        path = path == null ? defaultPath(type) : path;
        consecutive = consecutive == 0 ? DEFAULT_CONSECUTIVE : consecutive;
        auth = type == CheckType.DAG && auth == null ? "basic" : auth;
        deadline = type == CheckType.DAG && deadline == null ? DEFAULT_DAG_DEADLINE : deadline;
        requests = requests == null ? List.of() : List.copyOf(requests);
        command = command == null ? List.of() : List.copyOf(command);
        failurePatterns = failurePatterns == null ? List.of() : List.copyOf(failurePatterns);
        ignorePatterns = ignorePatterns == null ? List.of() : List.copyOf(ignorePatterns);
        conf = conf == null ? Map.of() : Map.copyOf(conf);
    }

    /** The application's own endpoints (mission: {@code /api/version}, {@code /api/health}). */
    private static String defaultPath(CheckType type) {
        if (type == CheckType.VERSION) {
            return "/api/version";
        }
        return type == CheckType.HEALTH ? "/api/health" : null;
    }
}
