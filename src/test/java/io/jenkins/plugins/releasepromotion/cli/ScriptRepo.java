package io.jenkins.plugins.releasepromotion.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * A small application repository deployed by a local script: annotated release tags v0.1.0 and v0.2.0 on main with
 * their changelog entries, a lightweight tag v0.3.0, and a configuration the test writes beside it.
 */
final class ScriptRepo {
    private final Path root;

    private ScriptRepo(Path root) {
        this.root = root;
    }

    static ScriptRepo create(Path root) throws IOException, GitAPIException {
        Path repo = root.resolve("repo");
        try (Git git =
                Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            List<String> entries = new ArrayList<>();
            release(git, repo, entries, "0.1.0", "- First release");
            release(git, repo, entries, "0.2.0", "- Second release");
            Files.writeString(repo.resolve("wip.txt"), "work in progress\n");
            commit(git, "Work in progress");
            git.tag().setName("v0.3.0").setAnnotated(false).call();
        }
        return new ScriptRepo(root);
    }

    Path root() {
        return root;
    }

    Path repo() {
        return root.resolve("repo");
    }

    Path ledger() {
        return root.resolve("ledger");
    }

    Path config() {
        return root.resolve("release-promotion.yaml");
    }

    /** Writes an executable script outside the repository and returns its absolute path. */
    Path script(String name, String text) throws IOException {
        Path file = root.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }

    void configure(String yaml) throws IOException {
        Files.writeString(config(), yaml, StandardCharsets.UTF_8);
    }

    /** The options that point a command at this repository, its configuration and its ledger. */
    List<String> options() {
        return List.of("--repo", repo().toString(), "--config", config().toString(), "--ledger", ledger().toString());
    }

    /** Everything the ledger holds on disk, every file as text. */
    String ledgerText() throws IOException {
        if (!Files.isDirectory(ledger())) {
            return "";
        }
        StringBuilder all = new StringBuilder();
        try (var files = Files.walk(ledger())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }

    private static void release(Git git, Path repo, List<String> entries, String version, String entry)
            throws IOException, GitAPIException {
        entries.add(0, "## [" + version + "] - 2026-01-0" + (entries.size() + 1) + "\n\n### Added\n" + entry + "\n");
        Files.writeString(repo.resolve("CHANGELOG.md"), "# Changelog\n\n" + String.join("\n", entries));
        commit(git, "Release v" + version);
        git.tag()
                .setName("v" + version)
                .setAnnotated(true)
                .setSigned(false)
                .setMessage("Release v" + version)
                .setTagger(person())
                .call();
    }

    private static void commit(Git git, String message) throws GitAPIException {
        git.add().addFilepattern(".").call();
        git.commit()
                .setMessage(message)
                .setAuthor(person())
                .setCommitter(person())
                .setSign(false)
                .call();
    }

    private static PersonIdent person() {
        return new PersonIdent(
                "Dana Developer", "dana@example.com", Instant.parse("2026-01-01T09:00:00Z"), ZoneOffset.UTC);
    }
}
