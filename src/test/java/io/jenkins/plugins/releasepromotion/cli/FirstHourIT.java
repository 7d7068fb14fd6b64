package io.jenkins.plugins.releasepromotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged command as a process, started the way a newcomer starts it: inside a folder of the repository, with no
 * --repo, with nothing at all, with a duration written as people write it.
 */
class FirstHourIT {
    private static final Path JAR =
            Path.of(System.getProperty("release-promotion.jar", "target/release-promotion-cli.jar"));
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    @Test
    void findsTheRepositoryAndItsConfigurationFromASubfolder() throws Exception {
        CliRepo repo = CliRepo.create(dir.resolve("repo"));
        Path deeper = Files.createDirectories(repo.dir.resolve("docs/guide"));
        assertThat(run(deeper, "config", "init").code()).isZero();
        assertThat(repo.dir.resolve("release-promotion.yaml")).isRegularFile();

        Run validate = run(deeper, "config", "validate");
        assertThat(validate.code()).isEqualTo(ExitCode.USAGE_OR_CONFIGURATION);
        assertThat(validate.err()).contains("problems in " + repo.dir.resolve("release-promotion.yaml"));

        Run history = run(deeper, "history", "--env", "staging", "--limit", "0");
        assertThat(history.err()).doesNotContain("no configuration");
    }

    @Test
    void withNothingItPrintsItsUsageAndAMisspelledCommandGetsASuggestion() throws Exception {
        Run bare = run(dir);
        assertThat(bare.code()).isZero();
        assertThat(bare.out()).startsWith("Usage: release-promotion");

        Run typo = run(dir, "stauts");
        assertThat(typo.code()).isEqualTo(ExitCode.USAGE_OR_CONFIGURATION);
        assertThat(typo.err()).contains("Did you mean: status");
    }

    @Test
    void aDurationOptionWrongIsOneLineNamingTheForms() throws Exception {
        Run wrong = run(dir, "status", "--timeout", "5 minutes");
        assertThat(wrong.code()).isEqualTo(ExitCode.USAGE_OR_CONFIGURATION);
        assertThat(wrong.err())
                .contains("'5 minutes' is not a duration; write 500ms, 30s, 15m, 2h, 7d, a combination like 1h30m,"
                        + " or ISO-8601 like PT15M")
                .doesNotContain("Exception");
    }

    private static Run run(Path workingDirectory, String... args) throws Exception {
        List<String> command = new ArrayList<>(
                List.of(JAVA.toString(), "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Process process =
                new ProcessBuilder(command).directory(workingDirectory.toFile()).start();
        process.getOutputStream().close();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        assertThat(process.waitFor(2, TimeUnit.MINUTES))
                .as("the command finished")
                .isTrue();
        return new Run(process.exitValue(), out.get(), err.get());
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
