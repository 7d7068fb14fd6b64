package io.jenkins.plugins.releasepromotion.engine.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
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
    private final LedgerCodec codec = new LedgerCodec();
    private final LedgerWarnings warnings;
    private final ConcurrentMap<String, LedgerFile> files = new ConcurrentHashMap<>();

    /** A ledger in {@code directory} (created when missing) that reports damage on standard error. */
    public JsonLinesLedger(Path directory) {
        this(directory, LedgerWarnings.standardError());
    }

    public JsonLinesLedger(Path directory, LedgerWarnings warnings) {
        this.warnings = Objects.requireNonNull(warnings, "warnings");
        try {
            Files.createDirectories(directory);
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

    @Override
    public void append(LedgerRecord record) {
        file(record.environment()).append(record);
    }

    @Override
    public List<LedgerRecord> history(String environment) {
        List<LedgerRecord> all = new ArrayList<>();
        file(environment).read(all::add);
        return Collections.unmodifiableList(all);
    }

    @Override
    public Optional<LedgerRecord> current(String environment, Integer slot) {
        return latest(environment, r -> r.isGoodDeployment() && r.isAt(slot));
    }

    @Override
    public Optional<LedgerRecord> lastGoodBefore(String environment, Integer slot, String currentTag) {
        return latest(environment, r -> r.isGoodDeployment() && r.isAt(slot) && !Objects.equals(r.tag(), currentTag));
    }

    @Override
    public List<LedgerRecord> attestations(String environment, String tag, String commit) {
        return newestFirst(
                environment,
                r -> r.kind() == RecordKind.VERIFICATION
                        && r.isSucceeded()
                        && Objects.equals(r.tag(), tag)
                        && Objects.equals(r.commit(), commit));
    }

    @Override
    public List<LedgerRecord> verifications(String environment, String tag) {
        return newestFirst(
                environment,
                r -> r.kind() == RecordKind.VERIFICATION && r.isFinished() && Objects.equals(r.tag(), tag));
    }

    @Override
    public List<LedgerRecord> succeededTags(String environment) {
        return newestFirst(environment, LedgerRecord::isGoodDeployment);
    }

    @Override
    public List<LedgerRecord> interrupted(String environment) {
        // Only operations still open are held, so memory stays small on a long history.
        Map<String, LedgerRecord> open = new LinkedHashMap<>();
        file(environment).read(r -> {
            if (r.isFinished()) {
                open.remove(r.id());
            } else {
                open.putIfAbsent(r.id(), r);
            }
        });
        return List.copyOf(open.values());
    }

    @Override
    public Set<String> environments() {
        return paths.environments();
    }

    @Override
    public DeploymentLock lock(String environment, Integer slot, String holder) {
        return FileDeploymentLock.acquire(paths.lock(environment, slot), environment, slot, holder);
    }

    private Optional<LedgerRecord> latest(String environment, Predicate<LedgerRecord> wanted) {
        LedgerRecord[] last = {null};
        file(environment).read(r -> {
            if (wanted.test(r)) {
                last[0] = r;
            }
        });
        return Optional.ofNullable(last[0]);
    }

    private List<LedgerRecord> newestFirst(String environment, Predicate<LedgerRecord> wanted) {
        List<LedgerRecord> found = new ArrayList<>();
        file(environment).read(r -> {
            if (wanted.test(r)) {
                found.add(r);
            }
        });
        Collections.reverse(found);
        return Collections.unmodifiableList(found);
    }

    private LedgerFile file(String environment) {
        return files.computeIfAbsent(
                LedgerPaths.checkName(environment), e -> new LedgerFile(paths.ledger(e), e, codec, warnings));
    }
}
