package io.jenkins.plugins.releasepromotion.engine.config;

import io.jenkins.plugins.releasepromotion.engine.ledger.postgres.PostgresTarget;
import java.util.regex.Pattern;

/** What a shared ledger's settings must be: a PostgreSQL URL without a password, and a usable credential ID. */
final class LedgerRules {
    private static final Pattern CREDENTIALS_ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");

    private LedgerRules() {}

    static void check(LedgerConfig ledger, Problems problems) {
        if (ledger == null) {
            return;
        }
        if (ledger.url() == null) {
            problems.add(
                    "ledger.url",
                    "required; write postgresql://HOST[:PORT]/DATABASE, or leave out ledger for the local folder");
        } else {
            try {
                PostgresTarget.parse(ledger.url());
            } catch (IllegalArgumentException e) {
                problems.add("ledger.url", e.getMessage());
            }
        }
        if (!CREDENTIALS_ID.matcher(ledger.credentialsId()).matches()) {
            problems.add(
                    "ledger.credentialsId",
                    "is not a credential ID; use letters, digits, '.', '_' and '-', e.g. release-ledger");
        }
    }
}
