package io.jenkins.plugins.releasepromotion.engine.ledger;

import static io.jenkins.plugins.releasepromotion.engine.ledger.CanonicalLine.FINISHED;
import static io.jenkins.plugins.releasepromotion.engine.ledger.CanonicalLine.SUCCEEDED;
import static io.jenkins.plugins.releasepromotion.engine.ledger.CanonicalLine.VERIFICATION;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;

/**
 * The ledger as JSON Lines files in one directory, one file per environment ({@code <environment>.jsonl}). Safe for
 * many threads and many processes sharing the directory on one machine; see {@code docs/ledger.md} for the format
 * and the guarantees. Queries stream the file, so memory holds only their answer.
 */
public final class JsonLinesLedger implements Ledger {
    private final LedgerPaths paths;
    private final LedgerCodec codec;
    private final LedgerWarnings warnings;
    private final ConcurrentMap<String, LedgerFile> files = new ConcurrentHashMap<>();

    /** A ledger in {@code directory} (created when missing) that reports damage on standard error. */
    public JsonLinesLedger(Path directory) {
        this(directory, LedgerWarnings.standardError());
    }

    public JsonLinesLedger(Path directory, LedgerWarnings warnings) {
        this(directory, warnings, LedgerKeys.NONE);
    }

    /**
     * A ledger whose records carry a MAC made with {@code keys} ({@link RecordMac}); a record without a valid one is
     * never returned by a query, and each such record is named in a warning.
     */
    public JsonLinesLedger(Path directory, LedgerWarnings warnings, LedgerKeys keys) {
        this.warnings = Objects.requireNonNull(warnings, "warnings");
        this.codec = new LedgerCodec(Objects.requireNonNull(keys, "keys"));
        try {
            PrivateFiles.folder(directory);
            this.paths = new LedgerPaths(directory.toRealPath());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot use " + directory + " as the ledger directory: " + e.getMessage()
                            + "; choose a directory that can be created and written.",
                    e);
        }
    }

    public Path directory() {
        return paths.directory();
    }

    /** Also on a stopped thread: how the operation ended is recorded all the same, and the interrupt is kept. */
    @Override
    public void append(LedgerRecord record) {
        file(record.environment()).append(record);
    }

    @Override
    public List<LedgerRecord> history(String environment) {
        List<LedgerRecord> all = new ArrayList<>();
        file(environment).read(List.of(), all::add);
        return Collections.unmodifiableList(all);
    }

    @Override
    public void newestFirst(String environment, Predicate<LedgerRecord> more) {
        file(environment).readNewestFirst(List.of(), more);
    }

    /** Only the lines that name the finished phase are decoded. */
    @Override
    public void newestFinishedFirst(String environment, Predicate<LedgerRecord> more) {
        file(environment).readNewestFirst(needles(FINISHED), r -> !r.isFinished() || more.test(r));
    }

    @Override
    public Optional<LedgerRecord> current(String environment, Integer slot) {
        return latest(
                environment, needles(CanonicalLine.slot(slot), SUCCEEDED), r -> r.isGoodDeployment() && r.isAt(slot));
    }

    @Override
    public Map<Integer, LedgerRecord> currentOfSlots(String environment, Collection<Integer> slots) {
        SlotsRunning running = new SlotsRunning(slots);
        if (!running.complete()) {
            file(environment).readNewestFirst(needles(SUCCEEDED), running);
        }
        return running.found();
    }

    @Override
    public Optional<LedgerRecord> lastGoodBefore(String environment, Integer slot, String currentTag) {
        return latest(
                environment,
                needles(CanonicalLine.slot(slot), SUCCEEDED),
                r -> r.isGoodDeployment() && r.isAt(slot) && !Objects.equals(r.tag(), currentTag));
    }

    @Override
    public List<LedgerRecord> attestations(String environment, String tag, String commit) {
        Predicate<LedgerRecord> attests = r -> r.kind() == RecordKind.VERIFICATION
                && r.isSucceeded()
                && Objects.equals(r.tag(), tag)
                && Objects.equals(r.commit(), commit);
        List<LedgerRecord> indexed =
                file(environment).indexedVerifications(LedgerIndex.attestation(tag, commit), attests);
        if (indexed != null) {
            return indexed;
        }
        return newestFirst(
                environment, needles(member("tag", tag), member("commit", commit), VERIFICATION, SUCCEEDED), attests);
    }

    @Override
    public List<LedgerRecord> verifications(String environment, String tag) {
        Predicate<LedgerRecord> verifies =
                r -> r.kind() == RecordKind.VERIFICATION && r.isFinished() && Objects.equals(r.tag(), tag);
        List<LedgerRecord> indexed = file(environment).indexedVerifications(LedgerIndex.verifications(tag), verifies);
        if (indexed != null) {
            return indexed;
        }
        return newestFirst(environment, needles(member("tag", tag), VERIFICATION, FINISHED), verifies);
    }

    @Override
    public List<LedgerRecord> succeededTags(String environment) {
        return newestFirst(environment, needles(SUCCEEDED), LedgerRecord::isGoodDeployment);
    }

    @Override
    public List<LedgerRecord> interrupted(String environment) {
        return file(environment).unfinished();
    }

    @Override
    public ChainReport verify(String environment) {
        return file(environment).verifyChain();
    }

    @Override
    public Set<String> environments() {
        return paths.environments();
    }

    @Override
    public DeploymentLock lock(String environment, Integer slot, String holder) {
        return FileDeploymentLock.acquire(paths.lock(environment, slot), environment, slot, holder);
    }

    private Optional<LedgerRecord> latest(String environment, List<byte[]> needles, Predicate<LedgerRecord> wanted) {
        LedgerRecord[] found = {null};
        file(environment).readNewestFirst(needles, r -> {
            found[0] = wanted.test(r) ? r : null;
            return found[0] == null;
        });
        return Optional.ofNullable(found[0]);
    }

    private List<LedgerRecord> newestFirst(String environment, List<byte[]> needles, Predicate<LedgerRecord> wanted) {
        List<LedgerRecord> found = new ArrayList<>();
        file(environment).readNewestFirst(needles, r -> {
            if (wanted.test(r)) {
                found.add(r);
            }
            return true;
        });
        return Collections.unmodifiableList(found);
    }

    // Byte strings a canonical line of a wanted record must hold; a null value is written as nothing at all.
    private static List<byte[]> needles(byte[]... needles) {
        return Arrays.stream(needles).filter(Objects::nonNull).toList();
    }

    private byte[] member(String name, String value) {
        return value == null ? null : codec.member(name, value);
    }

    private LedgerFile file(String environment) {
        return files.computeIfAbsent(
                LedgerPaths.checkName(environment), e -> new LedgerFile(paths.ledger(e), e, codec, warnings));
    }
}
