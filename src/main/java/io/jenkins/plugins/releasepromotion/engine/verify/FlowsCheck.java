package io.jenkins.plugins.releasepromotion.engine.verify;

import io.jenkins.plugins.releasepromotion.engine.config.CheckConfig;
import io.jenkins.plugins.releasepromotion.engine.config.FlowRequest;
import io.jenkins.plugins.releasepromotion.engine.port.CredentialsException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Key user flows as a browser session would go through them: the requests in order, cookies kept from one to the
 * next (a login's session cookie reaches the dashboard), each with its own credential, and each answer held to its
 * expectations. The first request that disappoints fails the attempt.
 */
final class FlowsCheck implements Check {

    @Override
    public Attempt attempt(CheckConfig config, CheckContext context) throws InterruptedException {
        HttpProbe session = context.http().withCookies();
        Map<String, String> evidence = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (FlowRequest request : config.requests()) {
            String name = name(request);
            HttpAnswer answer;
            try {
                answer = session.send(call(request, config, context));
            } catch (CredentialsException e) {
                return Attempt.conclusive(name + ": " + e.getMessage());
            } catch (ProbeException e) {
                return Attempt.fail(name + ": " + e.getMessage(), evidence);
            }
            evidence.put(name, answer.statusLine());
            String problem = FlowExpectations.problem(request, answer, context);
            if (problem != null) {
                evidence.put(name + ".body", JsonText.compact(answer.body()));
                return Attempt.fail(name + ": " + problem, evidence);
            }
            names.add(name);
        }
        return Attempt.pass(String.join(", ", names) + " answered as expected", evidence);
    }

    private static HttpCall call(FlowRequest request, CheckConfig config, CheckContext context) throws ProbeException {
        HttpCall call = new HttpCall(
                request.method().toUpperCase(Locale.ROOT),
                context.url(request.path()),
                request.headers(),
                request.body(),
                config.timeout());
        if (request.body() != null && request.headers().keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
            String body = request.body().trim();
            boolean json = body.startsWith("{") || body.startsWith("[");
            call = call.withHeader("Content-Type", json ? "application/json" : "text/plain; charset=utf-8");
        }
        String authorization = context.authorizations().header(request.credentialsId(), Authorizations.Scheme.EITHER);
        return authorization == null ? call : call.withHeader("Authorization", authorization);
    }

    private static String name(FlowRequest request) {
        return request.name() == null || request.name().isBlank()
                ? request.method().toUpperCase(Locale.ROOT) + " " + request.path()
                : request.name();
    }
}
