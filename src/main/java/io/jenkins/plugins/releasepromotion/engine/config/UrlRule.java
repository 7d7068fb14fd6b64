package io.jenkins.plugins.releasepromotion.engine.config;

import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** What a configured base URL must be: http or https, with a host, no credentials, {slot} only where slots exist. */
final class UrlRule {
    static final String SLOT = "{slot}";

    private UrlRule() {}

    static void check(String url, int slots, String path, Problems problems) {
        if (url.contains(SLOT) && slots == 0) {
            problems.add(path, "contains {slot} but the environment has no slots; set slots or remove {slot}");
        }
        URI uri;
        try {
            uri = new URI(url.replace(SLOT, "1"));
        } catch (URISyntaxException e) {
            problems.add(path, display(url) + " is not a URL (" + e.getReason() + "); write it like https://host/path");
            return;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            problems.add(path, display(url) + " must start with https:// or http://");
        } else if (uri.getRawUserInfo() != null) {
            problems.add(path, "must not carry a user name or password; use credentialsId");
        } else if (uri.getHost() == null) {
            problems.add(path, display(url) + " has no host name; write it like https://jobsearch.example.com");
        }
    }

    /** The URL for a message; one with '@' may carry a password, so it is not repeated. */
    private static String display(String url) {
        return url.contains("@") ? "the URL" : "'" + DisplayText.of(url) + "'";
    }
}
