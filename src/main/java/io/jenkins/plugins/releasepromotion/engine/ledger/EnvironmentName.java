package io.jenkins.plugins.releasepromotion.engine.ledger;

import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import java.util.regex.Pattern;

/**
 * The names an environment's ledger can have, on every kind of ledger alike, so that a ledger can move from files to
 * a database and back: 1 to 64 letters, digits, '.', '_' or '-', not starting with '.' or '-'.
 */
public final class EnvironmentName {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,63}");

    private EnvironmentName() {}

    public static boolean isValid(String environment) {
        return environment != null && NAME.matcher(environment).matches();
    }

    /**
     * The name itself when a ledger can have it.
     *
     * @throws IllegalArgumentException naming the rule and the way out
     */
    public static String check(String environment) {
        if (!isValid(environment)) {
            throw new IllegalArgumentException("Environment name '" + DisplayText.of(environment)
                    + "' cannot name a ledger file: use 1 to 64 letters, digits, '.', '_' or '-', not starting with"
                    + " '.' or '-'; rename the environment in the configuration.");
        }
        return environment;
    }
}
