package io.jenkins.plugins.releasepromotion.bench;

import io.jenkins.plugins.releasepromotion.engine.ledger.JsonLinesLedger;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.ledger.RecordKind;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

/**
 * The large repository of figure 2, made once with {@code git fast-import} and kept in {@code target/bench/gates-repo}:
 * 100,000 commits on {@code main} over a tree of 1,000 source files, an annotated tag every 10 commits (10,000 tags,
 * v0.0.1 to v0.100.0 in semantic-version order), {@code CHANGELOG.md} given a Keep a Changelog section at each tag, and
 * a migration added to {@code migrations/} every 100 commits, and a branch {@code hotfix} with one commit on
 * {@link #RUNNING}. It is then packed by {@code git gc} as a long-lived
 * repository is (one pack of 45 MB, packed refs with their peeled values, git's commit-graph). Generating it takes
 * about a minute on the 2-core machine of docs/performance.md: 35 s for fast-import, 25 s for {@code git gc}.
 *
 * <p>The changelog keeps the sections of the newest {@value #CHANGELOG_SECTIONS} releases, as projects with a long
 * history archive older ones; a file that grew for 10,000 releases would only make the generation slow.
 *
 * <p>Beside it: a configuration where production is promoted from staging with a backup of {@code migrations/}, and a
 * ledger, written fresh for each run through the ledger itself, in which production runs {@link #RUNNING} (deployed
 * and verified) and staging has a passing verification of {@link #CANDIDATE}: the dry run of {@link #CANDIDATE} to
 * production passes every gate, and the backup gate finds a migration between the two.
 */
final class GatesRepository {
    static final int COMMITS = 100_000;
    static final int COMMITS_PER_TAG = 10;
    static final int TAGS = COMMITS / COMMITS_PER_TAG;
    static final String CANDIDATE = tag(TAGS - 5);
    static final String RUNNING = tag(TAGS - 15);
    static final String HOTFIX_BRANCH = "hotfix";

    private static final int FILES = 1_000;
    private static final int MODULES = 20;
    private static final int MIGRATION_EVERY = 100;
    private static final int CHANGELOG_SECTIONS = 100;
    private static final long EPOCH = Instant.parse("2015-01-01T00:00:00Z").getEpochSecond();

    private final Path repo;
    private final Path config;
    private final Path ledger;

    GatesRepository(Path dir) {
        this.repo = dir.resolve("gates-repo");
        this.config = dir.resolve("gates.yaml");
        this.ledger = dir.resolve("gates-ledger");
    }

    Path repo() {
        return repo;
    }

    Path config() {
        return config;
    }

    Path ledger() {
        return ledger;
    }

    /** The n-th release tag, n from 1: v0.0.1 ... v0.0.99, v0.1.0, ... v0.100.0. */
    static String tag(int n) {
        return "v0." + n / 100 + "." + n % 100;
    }

    /** Makes what is missing: the repository once, the configuration and the ledger every time. */
    GatesRepository prepare() throws IOException, InterruptedException {
        if (!Files.exists(repo.resolve(".git/bench-complete"))) {
            generate();
        }
        Files.writeString(config, configuration(), StandardCharsets.UTF_8);
        writeLedger();
        return this;
    }

    private void generate() throws IOException, InterruptedException {
        System.out.println("Generating a repository of " + COMMITS + " commits and " + TAGS + " tags (once; kept in "
                + repo + ") ...");
        long start = System.nanoTime();
        if (Files.exists(repo)) {
            try (Stream<Path> paths = Files.walk(repo)) {
                paths.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
        git(repo.getParent(), "init", "-q", "-b", "main", repo.toString());
        Process importer = new ProcessBuilder("git", "fast-import", "--quiet")
                .directory(repo.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (OutputStream out = new BufferedOutputStream(importer.getOutputStream(), 1 << 20)) {
            stream(out);
        }
        if (importer.waitFor() != 0) {
            throw new IllegalStateException("git fast-import: exit code " + importer.exitValue());
        }
        long imported = System.nanoTime();
        git(repo, "gc", "--quiet");
        git(repo, "reset", "--quiet", "--hard", "main");
        Files.writeString(repo.resolve(".git/bench-complete"), "");
        System.out.printf(
                "  fast-import %.1f s, gc and checkout %.1f s%n",
                (imported - start) / 1e9, (System.nanoTime() - imported) / 1e9);
    }

    /** The fast-import stream: one commit after the other on main, a tag and a changelog section every tenth. */
    private static void stream(OutputStream out) throws IOException {
        Deque<String> sections = new ArrayDeque<>();
        for (int c = 1; c <= COMMITS; c++) {
            long time = EPOCH + c * 600L;
            boolean release = c % COMMITS_PER_TAG == 0;
            int n = c / COMMITS_PER_TAG;
            StringBuilder changes = new StringBuilder();
            if (c == 1) {
                for (int f = 0; f < FILES; f++) {
                    inline(changes, file(f), source(f, 0));
                }
            } else {
                int f = (int) ((c * 7919L) % FILES);
                inline(changes, file(f), source(f, c));
            }
            if (c % MIGRATION_EVERY == 0) {
                inline(
                        changes,
                        "migrations/V" + c + "__change_" + c + ".sql",
                        "ALTER TABLE t ADD COLUMN c" + c + " INT;\n");
            }
            if (release) {
                String version = tag(n).substring(1);
                sections.addFirst("## [" + version + "] - " + date(time) + "\n\n### Fixed\n- Change " + c + " in "
                        + file((int) ((c * 7919L) % FILES)) + "\n\n");
                if (sections.size() > CHANGELOG_SECTIONS) {
                    sections.removeLast();
                }
                StringBuilder changelog = new StringBuilder(
                        "# Changelog\n\nAll notable changes to this project are documented here.\n\n");
                sections.forEach(changelog::append);
                inline(changes, "CHANGELOG.md", changelog.toString());
            }
            String message = release ? "Release " + tag(n) + "\n" : "Change " + c + "\n";
            write(out, "commit refs/heads/main\nmark :" + c + "\n");
            write(out, "author Dev <dev@example.com> " + time + " +0000\n");
            write(out, "committer Dev <dev@example.com> " + time + " +0000\n");
            data(out, message);
            write(out, changes.toString());
            write(out, "\n");
            if (release) {
                write(out, "tag " + tag(n) + "\nfrom :" + c + "\n");
                write(out, "tagger Release <release@example.com> " + (time + 60) + " +0000\n");
                data(out, "Release " + tag(n) + "\n");
            }
        }
        // A hotfix branch from the tag production runs, not on main: the ancestry question whose answer is "no".
        long time = EPOCH + (COMMITS + 1) * 600L;
        StringBuilder fix = new StringBuilder();
        inline(fix, file(0), source(0, -1));
        write(out, "commit refs/heads/" + HOTFIX_BRANCH + "\nmark :" + (COMMITS + 1) + "\n");
        write(out, "author Dev <dev@example.com> " + time + " +0000\n");
        write(out, "committer Dev <dev@example.com> " + time + " +0000\n");
        data(out, "Hotfix\n");
        write(out, "from :" + (TAGS - 15) * COMMITS_PER_TAG + "\n");
        write(out, fix.toString());
        write(out, "\n");
        write(out, "done\n");
    }

    private static String file(int f) {
        return "src/module-" + f % MODULES + "/File" + f + ".java";
    }

    private static String source(int f, int revision) {
        return "class File" + f + " {\n    // revision " + revision + "\n    int value() {\n        return " + revision
                + ";\n    }\n}\n";
    }

    private static String date(long epochSecond) {
        return LocalDate.ofInstant(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC)
                .toString();
    }

    private static void inline(StringBuilder changes, String path, String content) {
        changes.append("M 100644 inline ")
                .append(path)
                .append('\n')
                .append("data ")
                .append(content.getBytes(StandardCharsets.UTF_8).length)
                .append('\n')
                .append(content)
                .append('\n');
    }

    private static void data(OutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(out, "data " + bytes.length + "\n");
        out.write(bytes);
        write(out, "\n");
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String configuration() {
        return """
                mainBranch: main
                changelog: CHANGELOG.md
                environments:
                  - name: staging
                    kind: staging
                    slots: 1
                    deploy: {script: {command: ["true"]}}
                  - name: production
                    kind: production
                    deploy: {script: {command: ["true"]}}
                    gates:
                      promotesFrom: staging
                      liveVersion: off
                    backup:
                      migrationsPath: migrations/
                      command: ["true"]
                """;
    }

    /** Production runs {@link #RUNNING}; staging verified {@link #CANDIDATE} an hour ago. */
    private void writeLedger() throws IOException, InterruptedException {
        if (Files.exists(ledger)) {
            try (Stream<Path> paths = Files.walk(ledger)) {
                paths.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(ledger);
        JsonLinesLedger records = new JsonLinesLedger(ledger);
        Instant at = Instant.now().minusSeconds(3600);
        String running = commit(RUNNING);
        String candidate = commit(CANDIDATE);
        List<LedgerRecord> operations = new ArrayList<>();
        operations.add(LedgerRecord.started(RecordKind.DEPLOYMENT, "production", null, RUNNING, running, "ci", at));
        operations.add(LedgerRecord.started(RecordKind.VERIFICATION, "production", null, RUNNING, running, "ci", at));
        operations.add(LedgerRecord.started(RecordKind.DEPLOYMENT, "staging", 1, CANDIDATE, candidate, "ci", at));
        operations.add(LedgerRecord.started(RecordKind.VERIFICATION, "staging", 1, CANDIDATE, candidate, "ci", at));
        for (LedgerRecord started : operations) {
            records.append(started);
            records.append(started.finish(Outcome.SUCCEEDED, at.plusSeconds(60)));
        }
    }

    private String commit(String tag) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("git", "rev-parse", "--verify", tag + "^{commit}")
                .directory(repo.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String sha = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("git rev-parse " + tag + ": exit code " + process.exitValue());
        }
        return sha;
    }

    private static void git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + ": exit code " + process.exitValue());
        }
    }
}
