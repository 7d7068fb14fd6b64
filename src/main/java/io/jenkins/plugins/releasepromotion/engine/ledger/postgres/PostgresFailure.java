package io.jenkins.plugins.releasepromotion.engine.ledger.postgres;

import java.sql.SQLException;

/** Turns what the driver throws into one line for whoever reads it, naming the server and the cause. */
final class PostgresFailure {
    private PostgresFailure() {}

    /**
     * @param doing what the ledger was doing, e.g. "append ledger record 1f3e..."
     */
    static RuntimeException of(PostgresTarget target, String doing, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String cause = firstLine(e);
        if (state.startsWith("28")) {
            return new PostgresRefusedException(
                    "The ledger database " + target + " refused to " + doing + ": " + cause
                            + "; check the user and the password of the ledger's credential.",
                    e);
        }
        if (state.equals("42501")) {
            return new PostgresRefusedException(
                    "The ledger database " + target + " refused to " + doing + ": " + cause
                            + "; grant the ledger's role the rights docs/ledger.md lists.",
                    e);
        }
        if (isUnavailable(state)) {
            return new PostgresUnavailableException(
                    target.server(),
                    "Cannot " + doing + " in the ledger database " + target + ": " + cause
                            + "; check that the server runs and answers, and that the URL names it.",
                    e);
        }
        return new IllegalStateException("Cannot " + doing + " in the ledger database " + target + ": " + cause, e);
    }

    /**
     * Connection failures (class 08), a statement or lock that ran out of time (57014, 55P03), a server shutting down
     * (57P01-57P03), and the driver's own I/O errors (no state or 08006).
     */
    static boolean isUnavailable(String state) {
        return state.isEmpty()
                || state.startsWith("08")
                || state.equals("57014")
                || state.equals("55P03")
                || state.startsWith("57P");
    }

    static String firstLine(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
