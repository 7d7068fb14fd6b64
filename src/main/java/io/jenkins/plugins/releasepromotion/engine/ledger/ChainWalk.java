package io.jenkins.plugins.releasepromotion.engine.ledger;

import io.jenkins.plugins.releasepromotion.engine.ledger.ChainBreak.Kind;
import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import java.io.IOException;
import java.util.function.Predicate;

/**
 * Checks the chain of one environment's stored records, oldest first, and names the first record that breaks it. One
 * pass while the chain holds; a second pass only after a break, to tell what happened there from where the missing
 * link points.
 */
final class ChainWalk {
    /** The stored records of one environment, oldest first, handed over for as long as the action answers true. */
    @FunctionalInterface
    interface Source {
        void forEach(Predicate<StoredRecord> action) throws IOException;
    }

    private final String environment;
    private final String unit;
    private long records;
    private long beforeChain;
    private StoredRecord before;
    private StoredRecord chainStart;
    private ChainBreak found;
    private StoredRecord unlinked;
    private long unauthenticated;
    private ChainBreak firstUnauthenticated;

    /** @param unit what a position counts, e.g. {@code line} */
    ChainWalk(String environment, String unit) {
        this.environment = environment;
        this.unit = unit;
    }

    ChainReport walk(Source source) throws IOException {
        source.forEach(this::step);
        if (unlinked != null) {
            found = new Clues(unlinked, before).gather(source).explain();
        }
        return new ChainReport(environment, records, beforeChain, found, unauthenticated, firstUnauthenticated);
    }

    private boolean step(StoredRecord r) {
        records++;
        if (r.damage() == null && r.macProblem() != null && unauthenticated++ == 0) {
            firstUnauthenticated =
                    breakAt(Kind.UNAUTHENTICATED, r, "has no valid MAC: " + r.macProblem() + "; it is not evidence");
        }
        if (r.damage() != null) {
            found = breakAt(Kind.CHANGED, r, "was changed: " + r.damage());
        } else if (!r.chained()) {
            if (chainStart == null) {
                beforeChain++;
            } else {
                found = breakAt(
                        Kind.INSERTED,
                        r,
                        "was inserted: it carries no link, yet the chain began at " + unit + " "
                                + chainStart.position());
            }
        } else {
            ChainLink expected = expected(before);
            if (!r.prev().equals(expected.prev())) {
                unlinked = r;
                return false;
            }
            if (r.seq() != expected.seq()) {
                found = breakAt(
                        Kind.CHANGED,
                        r,
                        "was changed: its seq is " + r.seq() + " where the record before it is followed by "
                                + expected.seq());
            }
            chainStart = chainStart == null ? r : chainStart;
        }
        before = r;
        return found == null;
    }

    private static ChainLink expected(StoredRecord before) {
        return before == null ? ChainLink.FIRST : before.next();
    }

    private ChainBreak breakAt(Kind kind, StoredRecord r, String what) {
        String id = r.id() == null ? "" : " (record " + DisplayText.of(r.id()) + ")";
        return new ChainBreak(kind, r.position(), r.id(), unit + " " + r.position() + id + " " + what + ".");
    }

    /** What a second pass learns about a record whose link names something other than the record before it. */
    private final class Clues {
        private final StoredRecord r;
        private final StoredRecord p;
        private final ChainLink expected;
        private StoredRecord copyOf;
        private StoredRecord next;
        private StoredRecord predecessor;
        private StoredRecord afterPredecessor;

        Clues(StoredRecord r, StoredRecord p) {
            this.r = r;
            this.p = p;
            this.expected = expected(p);
        }

        Clues gather(Source source) throws IOException {
            source.forEach(s -> {
                if (predecessor != null && s.position() == predecessor.position() + 1) {
                    afterPredecessor = s;
                }
                if (s.position() < r.position() && copyOf == null && r.hash().equals(s.hash())) {
                    copyOf = s;
                }
                if (s.position() == r.position() + 1) {
                    next = s;
                }
                if (s.position() != r.position()
                        && predecessor == null
                        && r.prev().equals(s.hash())) {
                    predecessor = s;
                }
                return true;
            });
            return this;
        }

        ChainBreak explain() {
            if (copyOf != null) {
                return breakAt(Kind.INSERTED, r, "was inserted: it is a copy of " + unit + " " + copyOf.position());
            }
            if (predecessor != null && predecessor.position() > r.position()) {
                return breakAt(
                        Kind.REORDERED,
                        r,
                        "is out of order: it follows " + unit + " " + predecessor.position()
                                + " in the chain but comes before it");
            }
            if (next != null && expected.prev().equals(next.prev())) {
                return breakAt(
                        Kind.INSERTED,
                        r,
                        "was inserted: it is not part of the chain, which goes on at " + unit + " " + next.position());
            }
            if (predecessor != null && afterPredecessor != null) {
                return breakAt(
                        Kind.INSERTED,
                        afterPredecessor,
                        "was inserted: " + unit + "s " + afterPredecessor.position() + " to " + (r.position() - 1)
                                + " are not part of the chain, in which " + unit + " " + r.position() + " follows "
                                + unit + " " + predecessor.position());
            }
            long missing = r.seq() - expected.seq();
            if (missing > 0) {
                return breakAt(
                        Kind.REMOVED,
                        r,
                        "follows a gap: " + missing
                                + (missing == 1 ? " record before it was" : " records before it were")
                                + " removed (its seq is " + r.seq() + ", the record before it is followed by "
                                + expected.seq() + ")");
            }
            if (missing == 0 && p != null && (next == null || r.hash().equals(next.prev()))) {
                return breakAt(
                        Kind.CHANGED,
                        p,
                        "was changed: its hash is no longer the one " + unit + " " + r.position() + " carries as prev");
            }
            if (missing == 0) {
                return breakAt(Kind.CHANGED, r, "was changed: its prev names no record of the ledger");
            }
            return breakAt(
                    Kind.INSERTED,
                    r,
                    "was inserted: its seq " + r.seq() + " does not follow the record before it (" + expected.seq()
                            + " would)");
        }
    }
}
