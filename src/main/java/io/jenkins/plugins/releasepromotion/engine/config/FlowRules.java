package io.jenkins.plugins.releasepromotion.engine.config;

import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules of the user flows' requests. Credentials come from credential IDs, never from headers in the file. */
final class FlowRules {
    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "cookie");
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");

    private FlowRules() {}

    static void requests(List<FlowRequest> requests, String path, Problems problems) {
        if (requests.isEmpty()) {
            problems.add(
                    path, "required; give at least one request, e.g. {name: login, method: POST, path: /api/login}");
        }
        for (int i = 0; i < requests.size(); i++) {
            request(requests.get(i), Problems.index(path, i), problems);
        }
    }

    private static void request(FlowRequest request, String path, Problems problems) {
        if (request.path() == null || !request.path().startsWith("/")) {
            problems.add(
                    Problems.child(path, "path"),
                    (request.path() == null ? "required" : "'" + DisplayText.of(request.path()) + "'")
                            + "; the request path starts with '/', e.g. /api/dashboard");
        }
        String headers = Problems.child(path, "headers");
        for (String name : request.headers().keySet()) {
            if (!HEADER_NAME.matcher(name).matches()) {
                problems.add(Problems.child(headers, DisplayText.of(name)), "not a header name");
            } else if (SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                problems.add(Problems.child(headers, name), secretMessage());
            }
        }
        noSecretNames(request.headers().keySet(), headers, problems);
        for (String pointer : request.expectJson().keySet()) {
            if (!pointer.startsWith("/")) {
                problems.add(
                        Problems.child(Problems.child(path, "expectJson"), DisplayText.of(pointer)),
                        "not a JSON pointer; it starts with '/', e.g. /user/name");
            }
        }
    }

    /** Refuses names that look like they hold a secret, without repeating their values. */
    static void noSecretNames(Collection<String> names, String path, Problems problems) {
        for (String name : names) {
            if (UnknownFields.looksSecret(name)) {
                problems.add(Problems.child(path, DisplayText.of(name)), secretMessage());
            }
        }
    }

    private static String secretMessage() {
        return "holds a secret; the configuration holds credential IDs only (use credentialsId)";
    }
}
