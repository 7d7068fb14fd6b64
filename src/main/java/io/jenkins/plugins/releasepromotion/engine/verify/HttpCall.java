package io.jenkins.plugins.releasepromotion.engine.verify;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request to send.
 *
 * @param body the request body, or {@code null} for none
 * @param timeout how long the whole exchange may take, body included
 */
public record HttpCall(String method, URI uri, Map<String, String> headers, String body, Duration timeout) {

    public HttpCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        headers = Map.copyOf(headers == null ? Map.of() : headers);
        Objects.requireNonNull(timeout, "timeout");
    }

    public static HttpCall get(URI uri, Duration timeout) {
        return new HttpCall("GET", uri, Map.of(), null, timeout);
    }

    /**
     * The URI of {@code path} under a base URL ({@code https://host/prefix} + {@code /api/version}).
     *
     * @throws ProbeException when the two do not make a URL
     */
    public static URI resolve(String base, String path) throws ProbeException {
        if (base == null || base.isBlank()) {
            throw new ProbeException("no URL to call; set the environment's url");
        }
        String joined = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
        try {
            URI uri = new URI(joined);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new ProbeException(joined + " is not an http or https URL with a host; fix the configured URL");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new ProbeException(joined + " is not a URL (" + e.getReason() + "); fix the configured URL");
        }
    }

    /** The same request with one more header. */
    public HttpCall withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new HttpCall(method, uri, more, body, timeout);
    }

    /** The same request sent to another place, e.g. where a redirect points. */
    HttpCall to(String newMethod, URI newUri, String newBody) {
        return new HttpCall(newMethod, newUri, headers, newBody, timeout);
    }

    /** {@code GET https://host/path}, for messages. */
    public String describe() {
        return method + " " + uri;
    }

    /** Header names only: values may carry credentials. */
    @Override
    public String toString() {
        return "HttpCall[" + describe() + ", headers=" + headers.keySet() + ", body="
                + (body == null ? 0 : body.length()) + " chars, timeout=" + timeout + "]";
    }
}
