package io.jenkins.plugins.releasepromotion.engine.verify;

import io.jenkins.plugins.releasepromotion.engine.port.Secrets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Makes what a check saw fit for a report that is kept forever: every secret masked first, then messages cut to one
 * line and evidence to a few kilobytes, so that a report always fits in a ledger record.
 */
final class Redaction {
    static final int MESSAGE_LIMIT = 500;
    static final int EVIDENCE_LIMIT = 4000;

    private final Secrets secrets;

    Redaction(Secrets secrets) {
        this.secrets = secrets;
    }

    String message(String text) {
        if (text == null) {
            return null;
        }
        return cut(secrets.mask(text).replaceAll("[\\r\\n\\t]+", " "), MESSAGE_LIMIT);
    }

    Map<String, String> evidence(Map<String, String> evidence) {
        Map<String, String> clean = new LinkedHashMap<>();
        evidence.forEach((key, value) -> clean.put(key, cut(secrets.mask(value), EVIDENCE_LIMIT)));
        return clean;
    }

    private static String cut(String text, int limit) {
        if (text.length() <= limit) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(limit - 1)) ? limit - 1 : limit;
        return text.substring(0, end) + "... (cut at " + limit + " characters)";
    }
}
