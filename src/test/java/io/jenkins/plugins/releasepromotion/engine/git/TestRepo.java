package io.jenkins.plugins.releasepromotion.engine.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;

/** A real repository on disk, built with JGit's porcelain, with fixed identities and times so results repeat. */
public final class TestRepo implements AutoCloseable {
    public static final Instant START = Instant.parse("2025-01-20T09:00:00Z");

    private final Git git;
    private final Path dir;
    private int minutes;

    private TestRepo(Git git, Path dir) {
        this.git = git;
        this.dir = dir;
    }

    public static TestRepo init(Path dir) throws GitAPIException {
        return new TestRepo(
                Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call(), dir);
    }

    /** Opens a repository made by {@link #init} earlier, to add to it. */
    public static TestRepo open(Path dir) throws IOException {
        return new TestRepo(Git.open(dir.toFile()), dir);
    }

    public Path dir() {
        return dir;
    }

    public Git git() {
        return git;
    }

    public TestRepo write(String path, String content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return this;
    }

    public TestRepo delete(String path) throws IOException {
        Files.delete(dir.resolve(path));
        return this;
    }

    public TestRepo rename(String from, String to) throws IOException {
        Files.move(dir.resolve(from), dir.resolve(to));
        return this;
    }

    /** Stages every addition, change and deletion in the work tree, then commits. */
    public RevCommit commit(String message) throws GitAPIException {
        git.add().addFilepattern(".").call();
        git.add().setUpdate(true).addFilepattern(".").call();
        PersonIdent who = person("Dev One", "dev@example.com");
        return git.commit()
                .setMessage(message)
                .setAuthor(who)
                .setCommitter(who)
                .setSign(false)
                .setAllowEmpty(true)
                .call();
    }

    public RevCommit commitFile(String path, String content) throws IOException, GitAPIException {
        return write(path, content).commit("Change " + path);
    }

    /** An annotated tag on HEAD, as the mission's {@code git tag -a} makes. */
    public Ref tag(String name, String message) throws GitAPIException {
        return git.tag()
                .setName(name)
                .setAnnotated(true)
                .setMessage(message)
                .setTagger(person("Release Manager", "rm@example.com"))
                .setSigned(false)
                .call();
    }

    public Ref tag(String name) throws GitAPIException {
        return tag(name, "Release " + name);
    }

    public Ref tagObject(String name, RevObject target) throws GitAPIException {
        return git.tag()
                .setName(name)
                .setObjectId(target)
                .setAnnotated(true)
                .setMessage("Release " + name)
                .setTagger(person("Release Manager", "rm@example.com"))
                .setSigned(false)
                .call();
    }

    public Ref lightweightTag(String name) throws GitAPIException {
        return git.tag().setName(name).setAnnotated(false).call();
    }

    /** {@code git checkout -b name startPoint}. */
    public void branchFrom(String name, String startPoint) throws GitAPIException {
        git.checkout()
                .setCreateBranch(true)
                .setName(name)
                .setStartPoint(startPoint)
                .call();
    }

    public void checkout(String name) throws GitAPIException {
        git.checkout().setName(name).call();
    }

    private PersonIdent person(String name, String email) {
        return new PersonIdent(name, email, START.plusSeconds(60L * minutes++), ZoneOffset.UTC);
    }

    /** Runs the real git command line, isolated from the machine's git configuration. */
    public static String cli(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("git"));
        argv.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(argv).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        builder.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("git finished").isTrue();
        assertThat(process.exitValue()).as("git %s: %s", argv, output).isZero();
        return output;
    }

    @Override
    public void close() {
        git.close();
    }
}
