package io.jenkins.plugins.releasepromotion.engine.verify;

import java.net.URI;
import java.util.Map;

/**
 * The answer to an {@link HttpCall}, after any redirects.
 *
 * @param uri where the answer came from
 * @param body the body as text (UTF-8), at most {@link HttpProbe#MAX_BODY_BYTES} bytes of it
 * @param location the {@code Location} header, or {@code null}
 * @param waited the application says it held the answer as asked ({@code Preference-Applied: wait}, RFC 7240)
 */
public record HttpAnswer(URI uri, int status, String body, String location, boolean waited) {

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(200, "OK"),
            Map.entry(201, "Created"),
            Map.entry(202, "Accepted"),
            Map.entry(204, "No Content"),
            Map.entry(301, "Moved Permanently"),
            Map.entry(302, "Found"),
            Map.entry(303, "See Other"),
            Map.entry(304, "Not Modified"),
            Map.entry(307, "Temporary Redirect"),
            Map.entry(308, "Permanent Redirect"),
            Map.entry(400, "Bad Request"),
            Map.entry(401, "Unauthorized"),
            Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"),
            Map.entry(405, "Method Not Allowed"),
            Map.entry(408, "Request Timeout"),
            Map.entry(409, "Conflict"),
            Map.entry(422, "Unprocessable Entity"),
            Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"),
            Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"),
            Map.entry(504, "Gateway Timeout"));

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    public boolean isRedirect() {
        return (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) && location != null;
    }

    /** {@code 503 Service Unavailable}, as people know it; the JDK's client does not keep the server's phrase. */
    public String statusLine() {
        return statusLine(status);
    }

    public static String statusLine(int status) {
        String reason = REASONS.get(status);
        return reason == null ? Integer.toString(status) : status + " " + reason;
    }
}
