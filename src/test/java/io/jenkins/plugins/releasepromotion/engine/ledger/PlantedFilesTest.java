package io.jenkins.plugins.releasepromotion.engine.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What another user who may write into a ledger folder could plant there (a symbolic link as the ledger, the index,
 * the lock or a temporary file; a folder open to the group or to everyone) is refused, and the file the link points
 * at stays as it was. A new ledger is private: folders {@code rwx------}, files {@code rw-------}.
 */
class PlantedFilesTest {
    private static final String VICTIM_TEXT = "the victim's first line\nthe victim's last line, without a newline";
    private static final String COMMIT = "3f2c1ab000000000000000000000000000000000";

    @TempDir
    Path dir;

    private Path ledgerDir;
    private Path victim;
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    @BeforeEach
    void folders() throws IOException {
        ledgerDir = dir.resolve("ledger");
        victim = dir.resolve("victim.txt");
        Files.writeString(victim, VICTIM_TEXT);
    }

    @Test
    void aNewLedgerIsPrivateToItsUser() throws Exception {
        JsonLinesLedger ledger = ledger();
        ledger.append(Records.verified("staging", null, "v1.2.3", COMMIT, Outcome.SUCCEEDED));
        ledger.lock("staging", 1, "alice").close();

        assertThat(mode(ledgerDir)).isEqualTo("rwx------");
        assertThat(mode(ledgerDir.resolve("staging.jsonl"))).isEqualTo("rw-------");
        assertThat(mode(ledgerDir.resolve("staging@1.lock"))).isEqualTo("rw-------");
        Path index = ledgerDir.resolve("staging.index");
        assertThat(mode(index)).isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(index)) {
            assertThat(files.map(PlantedFilesTest::mode)).isNotEmpty().containsOnly("rw-------");
        }
    }

    @Test
    void aTornTailIsSetAsideInAPrivateFile() throws Exception {
        ledger().append(Records.verified("staging", null, "v1.2.3", COMMIT, Outcome.SUCCEEDED));
        Files.writeString(ledgerDir.resolve("staging.jsonl"), "{\"torn", java.nio.file.StandardOpenOption.APPEND);

        ledger().append(Records.verified("staging", null, "v1.2.4", COMMIT, Outcome.SUCCEEDED));

        try (Stream<Path> files = Files.list(ledgerDir)) {
            assertThat(files.filter(f -> f.getFileName().toString().contains(".torn-")))
                    .singleElement()
                    .extracting(PlantedFilesTest::mode)
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void refusesALinkAsTheLedgerFileAndLeavesItsTargetAlone() throws Exception {
        JsonLinesLedger ledger = ledger();
        Files.createSymbolicLink(ledgerDir.resolve("staging.jsonl"), victim);

        assertThatThrownBy(() -> ledger.append(Records.verified("staging", null, "v1.2.3", COMMIT, Outcome.SUCCEEDED)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(ledgerDir.resolve("staging.jsonl") + " is a symbolic link, not a regular file; the ledger"
                        + " never follows links in its folder: remove it, and find out who put it there.");
        assertThatThrownBy(() -> ledger.history("staging")).hasMessageContaining("is a symbolic link");
        assertThat(Files.readString(victim)).isEqualTo(VICTIM_TEXT);
        try (Stream<Path> files = Files.list(ledgerDir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.contains(".torn-"));
        }
    }

    @Test
    void refusesALinkAsTheLockAndLeavesItsTargetAlone() throws Exception {
        JsonLinesLedger ledger = ledger();
        Files.createSymbolicLink(ledgerDir.resolve("production.lock"), victim);

        assertThatThrownBy(() -> ledger.lock("production", null, "mallory"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("production.lock is a symbolic link");
        assertThat(Files.readString(victim)).isEqualTo(VICTIM_TEXT);
    }

    @Test
    void neverWritesThroughLinksPlantedInTheIndex() throws Exception {
        JsonLinesLedger ledger = ledger();
        ledger.append(Records.verified("staging", null, "v1.2.3", COMMIT, Outcome.SUCCEEDED));
        Path index = ledgerDir.resolve("staging.index");
        try (Stream<Path> files = Files.list(index)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        for (int bucket = 0; bucket < LedgerIndex.BUCKETS; bucket++) {
            Files.createSymbolicLink(index.resolve(String.format("bucket-%04d", bucket)), victim);
        }
        Files.createSymbolicLink(index.resolve("covered.tmp"), victim);

        ledger.append(Records.verified("staging", null, "v1.2.4", COMMIT, Outcome.SUCCEEDED));

        assertThat(Files.readString(victim)).isEqualTo(VICTIM_TEXT);
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("is a symbolic link"));
        assertThat(ledger.attestations("staging", "v1.2.4", COMMIT))
                .as("the ledger itself still answers")
                .hasSize(1);
    }

    @Test
    void refusesALinkAsTheIndexFolderAndLeavesItsTargetAlone() throws Exception {
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Path kept = Files.writeString(elsewhere.resolve("covered"), "keep me");
        JsonLinesLedger ledger = ledger();
        Files.createSymbolicLink(ledgerDir.resolve("staging.index"), elsewhere);

        ledger.append(Records.verified("staging", null, "v1.2.3", COMMIT, Outcome.SUCCEEDED));

        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("staging.index is a symbolic link"));
        try (Stream<Path> files = Files.list(elsewhere)) {
            assertThat(files).containsExactly(kept);
        }
        assertThat(Files.readString(kept)).isEqualTo("keep me");
        assertThat(ledger.history("staging")).hasSize(1);
    }

    @Test
    void refusesAFolderItsGroupMayWrite() throws Exception {
        Files.createDirectory(
                ledgerDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.setPosixFilePermissions(ledgerDir, PosixFilePermissions.fromString("rwxrwx---"));

        assertThatThrownBy(this::ledger)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "The ledger folder " + ledgerDir.toRealPath() + " is writable by its group (rwxrwx---); a file"
                                + " ledger is private to the user who writes it: chmod go-w " + ledgerDir.toRealPath()
                                + " (a team shares the PostgreSQL ledger instead).");
    }

    @Test
    void refusesAFolderEveryoneMayWrite() throws Exception {
        Files.createDirectory(ledgerDir);
        Files.setPosixFilePermissions(ledgerDir, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThatThrownBy(this::ledger).hasMessageContaining("is writable by others (rwxrwxrwx)");
    }

    @Test
    void refusesALedgerFileOthersMayWrite() throws Exception {
        JsonLinesLedger ledger = ledger();
        ledger.append(Records.verified("staging", null, "v1.2.3", COMMIT, Outcome.SUCCEEDED));
        Files.setPosixFilePermissions(ledgerDir.resolve("staging.jsonl"), PosixFilePermissions.fromString("rw-rw-rw-"));

        assertThatThrownBy(() -> ledger.history("staging"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "The ledger file " + ledgerDir.resolve("staging.jsonl") + " is writable by others");
    }

    @Test
    void refusesAFolderOfAnotherUser() throws Exception {
        Files.createDirectory(ledgerDir);
        try {
            Files.setAttribute(ledgerDir, "unix:uid", 54321, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            assumeTrue(false, "only a superuser can give a folder to another user: " + e.getMessage());
        }

        assertThatThrownBy(this::ledger)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("belongs to user")
                .hasMessageContaining("(uid 54321), not to this user")
                .hasMessageContaining("give a ledger folder of your own, or run as its owner");
    }

    private JsonLinesLedger ledger() {
        return new JsonLinesLedger(ledgerDir, warnings::add);
    }

    private static String mode(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
