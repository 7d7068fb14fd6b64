package io.jenkins.plugins.releasepromotion.engine.config;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * What to say about a field the configuration does not have. The message never repeats the field's value: a field
 * named like a secret most likely holds one, and any other value is not worth the risk.
 */
final class UnknownFields {
    private static final List<String> SECRET_WORDS =
            List.of("password", "passwd", "passphrase", "privatekey", "token", "secret", "apikey");
    private static final List<String> TRUST_WORDS =
            List.of("stricthostkeychecking", "trustonfirstuse", "tofu", "insecure", "acceptnew", "ignorehostkey");

    private UnknownFields() {}

    /** The message for {@code name} in a mapping whose fields are {@code expected}; {@code scope} may be empty. */
    static String message(String name, Collection<String> expected, String scope) {
        String plain = normalize(name);
        if (SECRET_WORDS.stream().anyMatch(plain::contains)) {
            return "unknown field; the configuration holds credential IDs only (use credentialsId)";
        }
        if (TRUST_WORDS.stream().anyMatch(plain::contains)) {
            return "unknown field; host keys are always checked (pin the host key with knownHosts or hostKey)";
        }
        String suggestion = suggestion(plain, expected);
        return "unknown field" + scope + "; " + (suggestion == null ? "" : "did you mean " + suggestion + "? ")
                + "expected one of " + String.join(", ", expected);
    }

    /** True for names that look like they hold a secret value (also used for headers and DAG run settings). */
    static boolean looksSecret(String name) {
        String plain = normalize(name);
        return SECRET_WORDS.stream().anyMatch(plain::contains);
    }

    private static String suggestion(String plain, Collection<String> expected) {
        if (plain.length() > 64) {
            return null;
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : expected) {
            int distance = distance(plain, normalize(candidate));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= Math.max(1, Math.min(3, plain.length() / 4)) ? best : null;
    }

    private static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    }

    /** Levenshtein distance; names are short. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
