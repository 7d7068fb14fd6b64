package io.jenkins.plugins.releasepromotion.engine.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Binds verification checks. Once the type is known only its own fields are accepted, so a {@code dagId} on a health
 * check is reported instead of silently ignored.
 */
final class CheckBinder {
    static final int MAX_RETRIES = 20;
    private static final List<String> COMMON = List.of("type", "name", "mode", "timeout", "retries", "backoff");
    private static final Map<CheckType, List<String>> OWN_FIELDS = Map.of(
            CheckType.VERSION, List.of("path"),
            CheckType.HEALTH, List.of("path", "consecutive"),
            CheckType.FLOWS, List.of("requests"),
            CheckType.DAG, List.of("dagId", "airflowUrl", "credentialsId", "auth", "deadline", "conf"),
            CheckType.LOGS, List.of("command", "failurePatterns", "ignorePatterns"),
            CheckType.MIGRATIONS, List.of("path", "jsonPointer", "expected", "command"));
    private static final String[] METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};

    private CheckBinder() {}

    static CheckConfig check(MappingReader r) {
        CheckType type = r.choice("type", CheckType.class);
        if (type != null) {
            List<String> fields = new ArrayList<>(COMMON);
            fields.addAll(OWN_FIELDS.get(type));
            r.restrict(fields, " for a " + type.name().toLowerCase(Locale.ROOT) + " check");
        }
        return new CheckConfig(
                type,
                r.text("name"),
                r.choice("mode", CheckMode.class),
                r.duration("timeout"),
                r.number("retries", 0, MAX_RETRIES),
                r.duration("backoff"),
                r.text("path"),
                r.number("consecutive", 1, 100),
                r.mappings("requests", CheckBinder::request),
                r.text("dagId"),
                r.text("airflowUrl"),
                r.text("credentialsId"),
                r.parsed("auth", text -> Scalars.word(text, "basic", "bearer")),
                r.duration("deadline"),
                r.argv("command"),
                r.texts("failurePatterns"),
                r.texts("ignorePatterns"),
                r.text("jsonPointer"),
                r.text("expected"),
                r.namedTexts("conf", "name", "[{name: region, value: eu}]"));
    }

    private static FlowRequest request(MappingReader r) {
        return new FlowRequest(
                r.text("name"),
                r.parsed("method", text -> Scalars.word(text, METHODS)),
                r.text("path"),
                r.namedTexts("headers", "name", "[{name: Accept, value: application/json}]"),
                r.text("body"),
                r.text("credentialsId"),
                r.number("expectStatus", 100, 599),
                r.namedTexts("expectJson", "pointer", "[{pointer: /user/name, value: demo}]"),
                r.text("expectBody"));
    }
}
