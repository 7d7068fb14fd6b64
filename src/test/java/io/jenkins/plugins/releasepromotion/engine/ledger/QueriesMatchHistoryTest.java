package io.jenkins.plugins.releasepromotion.engine.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The queries skip lines they can tell apart cheaply, read newest first, or ask a database's indexes; whatever the
 * records look like, their answers must be what the plain definitions give over the whole history.
 */
@ParameterizedClass
@EnumSource(LedgerKind.class)
class QueriesMatchHistoryTest {
    private static final Integer[] SLOTS = {null, 1, 2, 12};
    // Tags and commits that look like pieces of other members, or need escaping.
    private static final String[] TAGS = {"v1.0.0", "v1.0.1", "v1.0.10", "\"slot\":1,", "caf\u00e9", null};
    private static final String[] COMMITS = {"abc", "abcd", "\"outcome\":\"SUCCEEDED\"", null};
    // Written by another tool: nulls present, raw UTF-8, no checksum.
    private static final ObjectMapper FOREIGN = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    @Parameter
    LedgerKind kind;

    @TempDir
    Path dir;

    @Test
    void everyQueryAgreesWithItsDefinitionOverTheHistory() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<String> warnings = new ArrayList<>();
        try (LedgerStore store = LedgerStore.create(kind, dir)) {
            Ledger ledger = store.open(warnings::add);
            for (int round = 0; round < 20; round++) {
                // A fresh environment each round: the same ledger, a new history.
                checkRound(ledger, store, "staging-" + round, random, "round " + round + " of seed " + seed);
            }
        }
        assertThat(warnings).isEmpty();
    }

    private void checkRound(Ledger ledger, LedgerStore store, String env, Random random, String why)
            throws IOException {
        if (kind == LedgerKind.FILE) {
            writeRandomHistory(random, env, line -> append(store.directory().resolve(env + ".jsonl"), line));
        } else {
            writeRandomHistory(random, env, line -> ledger.append(readBack(line)));
        }
        List<LedgerRecord> history = ledger.history(env);

        assertThat(history).as(why).hasSize(80);
        for (Integer slot : SLOTS) {
            assertThat(ledger.current(env, slot)).as(why).isEqualTo(latest(history, r -> goodAt(r, slot)));
            for (String tag : TAGS) {
                assertThat(ledger.lastGoodBefore(env, slot, tag))
                        .as(why)
                        .isEqualTo(latest(history, r -> goodAt(r, slot) && !Objects.equals(r.tag(), tag)));
            }
        }
        Map<Integer, LedgerRecord> running = new HashMap<>();
        for (Integer slot : List.of(1, 2, 3, 12)) {
            latest(history, r -> goodAt(r, slot)).ifPresent(r -> running.put(slot, r));
        }
        assertThat(ledger.currentOfSlots(env, List.of(1, 2, 3, 12))).as(why).isEqualTo(running);
        for (String tag : TAGS) {
            assertThat(ledger.verifications(env, tag))
                    .as(why)
                    .isEqualTo(newestFirst(history, r -> verification(r, tag)));
            for (String commit : COMMITS) {
                assertThat(ledger.attestations(env, tag, commit))
                        .as(why)
                        .isEqualTo(newestFirst(
                                history,
                                r -> verification(r, tag) && r.isSucceeded() && Objects.equals(r.commit(), commit)));
            }
        }
        assertThat(ledger.succeededTags(env)).as(why).isEqualTo(newestFirst(history, r -> goodAt(r, r.slot())));
        assertThat(ledger.interrupted(env)).as(why).isEqualTo(interrupted(history));
    }

    /**
     * Lines as append writes them, without waiting for the disk each time; one in five as another tool would write it.
     * A database ledger is handed the same records through its append.
     */
    private static void writeRandomHistory(Random random, String env, LineWriter out) throws IOException {
        LedgerCodec codec = new LedgerCodec();
        List<LedgerRecord> open = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            LedgerRecord record;
            if (!open.isEmpty() && random.nextBoolean()) {
                Outcome outcome = random.nextInt(3) == 0 ? pick(random, Outcome.values()) : Outcome.SUCCEEDED;
                record = open.remove(random.nextInt(open.size())).finish(outcome, Records.T0.plusSeconds(i));
            } else {
                record = LedgerRecord.started(
                        pick(random, RecordKind.values()),
                        env,
                        pick(random, SLOTS),
                        pick(random, TAGS),
                        pick(random, COMMITS),
                        "actor " + i,
                        Records.T0.plusSeconds(i));
                if (random.nextBoolean()) {
                    record = record.withEvidence(
                            "note", "\"slot\":2,\"outcome\":\"SUCCEEDED\",\"kind\":\"VERIFICATION\"");
                }
                open.add(record);
            }
            byte[] line = random.nextInt(5) == 0
                    ? (FOREIGN.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8)
                    : codec.encode(record);
            out.write(line);
        }
    }

    @FunctionalInterface
    private interface LineWriter {
        void write(byte[] line) throws IOException;
    }

    private static void append(Path file, byte[] line) throws IOException {
        Files.write(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static LedgerRecord readBack(byte[] line) {
        return new LedgerCodec().parse(line, line.length - 1);
    }

    private static boolean goodAt(LedgerRecord r, Integer slot) {
        return r.isFinished()
                && r.outcome() == Outcome.SUCCEEDED
                && (r.kind() == RecordKind.DEPLOYMENT || r.kind() == RecordKind.ROLLBACK)
                && Objects.equals(r.slot(), slot);
    }

    private static boolean verification(LedgerRecord r, String tag) {
        return r.kind() == RecordKind.VERIFICATION && r.isFinished() && Objects.equals(r.tag(), tag);
    }

    private static Optional<LedgerRecord> latest(List<LedgerRecord> history, Predicate<LedgerRecord> wanted) {
        List<LedgerRecord> all = newestFirst(history, wanted);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    private static List<LedgerRecord> newestFirst(List<LedgerRecord> history, Predicate<LedgerRecord> wanted) {
        List<LedgerRecord> found = history.stream().filter(wanted).collect(Collectors.toList());
        Collections.reverse(found);
        return found;
    }

    private static List<LedgerRecord> interrupted(List<LedgerRecord> history) {
        List<String> finished = history.stream()
                .filter(LedgerRecord::isFinished)
                .map(LedgerRecord::id)
                .toList();
        return history.stream()
                .filter(r -> !r.isFinished() && !finished.contains(r.id()))
                .toList();
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... values) {
        return Arrays.asList(values).get(random.nextInt(values.length));
    }
}
