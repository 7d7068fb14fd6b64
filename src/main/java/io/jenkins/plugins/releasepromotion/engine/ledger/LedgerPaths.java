package io.jenkins.plugins.releasepromotion.engine.ledger;

import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The files of a ledger directory: {@code <environment>.jsonl} per environment, {@code <environment>.lock} and
 * {@code <environment>@<slot>.lock} for deployment locks ({@code @} cannot occur in a name, so no two locks share a
 * file), and {@code <environment>.jsonl.torn-<time>} for bytes set aside after a crash.
 */
final class LedgerPaths {
    static final String SUFFIX = ".jsonl";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private final Path directory;

    LedgerPaths(Path directory) {
        this.directory = directory;
    }

    Path directory() {
        return directory;
    }

    Path ledger(String environment) {
        return directory.resolve(checkName(environment) + SUFFIX);
    }

    Path lock(String environment, Integer slot) {
        if (slot != null && slot < 1) {
            throw new IllegalArgumentException("Slot " + slot + " of " + DisplayText.of(environment)
                    + " is not a slot: slots count from 1; leave the slot empty for an environment without slots.");
        }
        String name = checkName(environment);
        return directory.resolve(slot == null ? name + ".lock" : name + "@" + slot + ".lock");
    }

    /** A file name beside {@code ledger} for torn bytes found at {@code now}; never an existing file. */
    static Path torn(Path ledger, Instant now) {
        Path candidate = ledger.resolveSibling(ledger.getFileName() + ".torn-" + STAMP.format(now));
        for (int n = 2; Files.exists(candidate, LinkOption.NOFOLLOW_LINKS); n++) {
            candidate = ledger.resolveSibling(ledger.getFileName() + ".torn-" + STAMP.format(now) + "-" + n);
        }
        return candidate;
    }

    Set<String> environments() {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.map(p -> String.valueOf(p.getFileName()))
                    .filter(f -> f.endsWith(SUFFIX))
                    .map(f -> f.substring(0, f.length() - SUFFIX.length()))
                    .filter(EnvironmentName::isValid)
                    .forEach(names::add);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot list the ledger directory " + directory + ": " + e.getMessage()
                            + "; check that it exists and is readable.",
                    e);
        }
        return Collections.unmodifiableSet(names);
    }

    /** Refuses any name that could leave the directory or clash with the files beside it. */
    static String checkName(String environment) {
        return EnvironmentName.check(environment);
    }
}
