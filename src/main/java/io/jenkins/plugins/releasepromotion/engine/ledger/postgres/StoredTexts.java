package io.jenkins.plugins.releasepromotion.engine.ledger.postgres;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** The stored texts of one environment, oldest first, read in pages of {@value #PAGE}. */
final class StoredTexts implements Iterator<String> {
    private static final int PAGE = 1000;
    private final String environment;
    private List<PostgresRows.Text> page = List.of();
    private int next;
    private long after;
    private boolean last;

    private final PostgresConnections connections;
    private final PostgresRows rows;

    StoredTexts(PostgresConnections connections, PostgresRows rows, String environment) {
        this.connections = connections;
        this.rows = rows;
        this.environment = environment;
    }

    @Override
    public boolean hasNext() {
        if (next < page.size()) {
            return true;
        }
        if (last) {
            return false;
        }
        long from = after;
        page = connections.with(
                "read the chain of " + environment,
                c -> rows.texts(
                        c,
                        "SELECT seq, record FROM ledger_record WHERE environment = ? AND seq > ? ORDER BY seq"
                                + " LIMIT " + PAGE,
                        environment,
                        from));
        next = 0;
        last = page.size() < PAGE;
        if (!page.isEmpty()) {
            after = page.get(page.size() - 1).seq();
        }
        return !page.isEmpty();
    }

    @Override
    public String next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return page.get(next++).text();
    }
}
