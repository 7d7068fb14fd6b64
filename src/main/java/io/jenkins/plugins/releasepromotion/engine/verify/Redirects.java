package io.jenkins.plugins.releasepromotion.engine.verify;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Follows a redirect only within the same scheme, host and port: the request may carry credentials, and a check
 * that ends up on another host would verify something else than the environment.
 */
final class Redirects {
    private Redirects() {}

    static HttpCall next(HttpCall call, HttpAnswer answer) throws ProbeException {
        URI target;
        try {
            target = call.uri().resolve(new URI(answer.location()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            // The location itself is left out: it may carry a token.
            throw new ProbeException(call.describe() + ": " + answer.status() + " redirect to a location that is not a"
                    + " URL; fix the application or point the check at the final URL");
        }
        if (!sameOrigin(call.uri(), target)) {
            throw new ProbeException(call.describe() + ": redirects to " + origin(target) + ", another host;"
                    + " redirects are followed only on " + origin(call.uri()) + ", so point the check at the final"
                    + " URL");
        }
        // After 303, and after 301/302 of a POST as every browser does, the next request is a GET without body.
        boolean toGet = answer.status() == 303 || (answer.status() <= 302 && "POST".equals(call.method()));
        return toGet && !"HEAD".equals(call.method())
                ? call.to("GET", target, null)
                : call.to(call.method(), target, call.body());
    }

    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null
                && a.getScheme().equalsIgnoreCase(b.getScheme() == null ? "" : b.getScheme())
                && a.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost() == null ? "" : b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equals(uri.getScheme().toLowerCase(Locale.ROOT)) ? 443 : 80;
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
