package io.jenkins.plugins.releasepromotion.engine.verify;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How one attempt of a check went.
 *
 * @param message one line for the console and the report
 * @param evidence what the attempt saw, e.g. {@code version} to the JSON the application answered
 * @param conclusive a failure no retry can change (a missing credential, no command runner, a refused login to
 *     Airflow): the check stops at once instead of waiting out its retries
 * @param paced the application already spaced this attempt out (it held the request while it was not ready, as asked):
 *     the next attempt goes at once instead of after a backoff
 */
record Attempt(boolean passed, String message, Map<String, String> evidence, boolean conclusive, boolean paced) {

    Attempt {
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }

    static Attempt pass(String message, Map<String, String> evidence) {
        return new Attempt(true, message, evidence, false, false);
    }

    static Attempt fail(String message, Map<String, String> evidence) {
        return new Attempt(false, message, evidence, false, false);
    }

    static Attempt fail(String message) {
        return fail(message, Map.of());
    }

    /** A failure after the application held the request as long as asked: worth asking again at once. */
    static Attempt paced(String message, Map<String, String> evidence) {
        return new Attempt(false, message, evidence, false, true);
    }

    /** A failure that retrying cannot fix. */
    static Attempt conclusive(String message) {
        return new Attempt(false, message, Map.of(), true, false);
    }
}
