package io.jenkins.plugins.releasepromotion.engine.ledger;

import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * Ledgers of a given size for the benchmarks, written in the canonical form the ledger itself writes (one checksummed
 * line per record) but in bulk, without a flush per record. The history is a release train: each release is deployed to
 * a staging slot, verified there, approved, deployed to production and verified there; every tenth release fails its
 * production verification.
 */
public final class LedgerFixture {
    public static final String STAGING = "staging";
    public static final String PRODUCTION = "production";
    private static final Instant START = Instant.parse("2020-01-01T00:00:00Z");
    /** The configuration of the release train's environments: three staging slots and production. */
    public static final String CONFIG =
            """
            environments:
              - name: staging
                kind: staging
                slots: 3
                deploy: {script: {command: ["true"]}}
              - name: production
                kind: production
                deploy: {script: {command: ["true"]}}
            """;

    private LedgerFixture() {}

    /** The ledger directory with about {@code records} records in all, made once and kept under {@code root}. */
    public static Path ledger(Path root, int records) throws IOException {
        Path dir = root.resolve("ledger-" + records + "-v4");
        if (Files.exists(dir.resolve(".complete"))) {
            return dir;
        }
        Files.createDirectories(dir);
        LedgerCodec codec = new LedgerCodec();
        try (Chained staging = new Chained(out(dir.resolve(STAGING + ".jsonl")), codec);
                Chained production = new Chained(out(dir.resolve(PRODUCTION + ".jsonl")), codec)) {
            releaseTrain(records, r -> {
                try {
                    (r.environment().equals(STAGING) ? staging : production).write(r);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        // One append through the ledger itself, as the first promotion after an upgrade makes: it builds the index.
        JsonLinesLedger ledger = new JsonLinesLedger(dir);
        closing(records).forEach(ledger::append);
        Files.writeString(dir.resolve(".complete"), Integer.toString(records));
        return dir;
    }

    /**
     * The records of a ledger of about {@code records} records, in the order they were appended. Per release: staging
     * deploy and verification (4 records), approval (2), production deploy and verification (4).
     */
    public static void releaseTrain(int records, Consumer<LedgerRecord> sink) {
        Instant at = START;
        for (int n = 0; n < releases(records); n++) {
            String tag = tag(n);
            String commit = commit(n);
            int slot = 1 + n % 3;
            at = at.plusSeconds(600);
            op(sink, RecordKind.DEPLOYMENT, STAGING, slot, tag, commit, Outcome.SUCCEEDED, at);
            op(sink, RecordKind.VERIFICATION, STAGING, slot, tag, commit, Outcome.SUCCEEDED, at);
            op(sink, RecordKind.APPROVAL, PRODUCTION, null, tag, commit, Outcome.SUCCEEDED, at);
            op(sink, RecordKind.DEPLOYMENT, PRODUCTION, null, tag, commit, Outcome.SUCCEEDED, at);
            Outcome verified = n % 10 == 9 ? Outcome.VERIFY_FAILED : Outcome.SUCCEEDED;
            op(sink, RecordKind.VERIFICATION, PRODUCTION, null, tag, commit, verified, at);
        }
    }

    /** After the train, a refused approval in each environment: what the ledger itself appends last. */
    public static List<LedgerRecord> closing(int records) {
        int releases = releases(records);
        Instant at = START.plusSeconds(600L * releases);
        return List.of(STAGING, PRODUCTION).stream()
                .map(environment -> LedgerRecord.started(
                                RecordKind.APPROVAL, environment, null, tag(releases), commit(releases), "ci", at)
                        .finish(Outcome.REJECTED, at.plusSeconds(60)))
                .toList();
    }

    /** The n-th release's tag: v1.0.0, v1.0.1, ... with 100 patches to a minor. */
    public static String tag(int n) {
        return "v1." + n / 100 + "." + n % 100;
    }

    public static String commit(int n) {
        byte[] bytes = new byte[20];
        for (int i = 0; i < 4; i++) {
            bytes[i] = (byte) (n >>> (24 - 8 * i));
        }
        bytes[19] = 0x5a;
        return HexFormat.of().formatHex(bytes);
    }

    /** How many releases a ledger of {@code records} records holds. */
    public static int releases(int records) {
        return Math.max(1, records / 10);
    }

    private static void op(
            Consumer<LedgerRecord> sink,
            RecordKind kind,
            String environment,
            Integer slot,
            String tag,
            String commit,
            Outcome outcome,
            Instant at) {
        LedgerRecord started = LedgerRecord.started(kind, environment, slot, tag, commit, "ci", at)
                .withBuildUrl("https://jenkins.example.com/job/release/" + tag + "/");
        if (kind == RecordKind.APPROVAL) {
            started = started.withApprover("alice");
        }
        sink.accept(started);
        sink.accept(started.withEvidence(
                        "summary",
                        tag + " (commit " + commit.substring(0, 7) + ") " + outcome + " on " + environment
                                + ": 3 checks")
                .finish(outcome, at.plusSeconds(60)));
    }

    private static OutputStream out(Path file) throws IOException {
        return new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
    }

    /** A ledger file written as the ledger writes it, each line linked to the one before it. */
    private static final class Chained implements AutoCloseable {
        private final OutputStream out;
        private final LedgerCodec codec;
        private ChainLink link = ChainLink.FIRST;

        Chained(OutputStream out, LedgerCodec codec) {
            this.out = out;
            this.codec = codec;
        }

        void write(LedgerRecord record) throws IOException {
            byte[] line = codec.encode(record, link);
            out.write(line);
            link = RecordChain.after(new String(line, 0, line.length - 1, StandardCharsets.US_ASCII));
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
