package io.jenkins.plugins.releasepromotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.releasepromotion.engine.deploy.ssh.ShellQuote;
import io.jenkins.plugins.releasepromotion.engine.git.TestRepo;
import io.jenkins.plugins.releasepromotion.engine.ledger.JsonLinesLedger;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.ledger.RecordKind;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A changelog and a ledger written by someone else, full of escape sequences, shown by the command: through the real
 * approval prompt on a pseudo-terminal, through check and through history. Nothing of them steers the terminal.
 */
class HostileTextTest {
    /** What a changelog entry did to the prompt: erased lines, a fake tag, hidden text, a disguised link. */
    private static final String NOTES = "### Fixed\n"
            + "- Login redirect\u001b[2K\u001b[1A\u001b[2K\u001b[1A\u001b[2K\r  Tag:     v9.9.9\n"
            + "- Cleanup \u001b[8mDROP TABLE accounts;\u001b[0m\n"
            + "- See \u001b]8;;https://evil.example/x\u001b\\Release checklist\u001b]8;;\u001b\\\n"
            + "- \u001b]0;all fine\u0007Title\n"
            + "- \u009b2J Screen cleared\n"
            + "- Invoice \u202eexe.pdf\u202c attached\n";

    private static final String ACTOR = "mallory\u001b[2K\r  Commit:  0000000\nTag: v9.9.9";
    private static final String SUMMARY = "4/4 passed\u001b[8m but the database is gone\u001b[0m";

    @TempDir
    Path repo;

    private String commit;

    @BeforeEach
    void hostileRepository() throws Exception {
        try (TestRepo r = TestRepo.init(repo)) {
            r.write("CHANGELOG.md", "# Changelog\n\n## [1.0.0] - 2026-11-20\n\n" + NOTES);
            commit = r.commit("Release v1.0.0").getName();
            r.tag("v1.0.0");
        }
        Files.writeString(
                repo.resolve("release-promotion.yaml"),
                "environments:\n"
                        + "  - name: staging\n"
                        + "    kind: staging\n"
                        + "    deploy:\n"
                        + "      script:\n"
                        + "        command: [./deploy.sh, '{tag}']\n"
                        + "  - name: production\n"
                        + "    kind: production\n"
                        + "    deploy:\n"
                        + "      script:\n"
                        + "        command: [./deploy.sh, '{tag}']\n"
                        + "    gates:\n"
                        + "      promotesFrom: staging\n"
                        + "      liveVersion: off\n"
                        + "      approvers: [alice]\n",
                StandardCharsets.UTF_8);
        // Written as another program sharing the ledger could: names and evidence nobody checked.
        Instant now = Instant.now();
        new JsonLinesLedger(repo.resolve(".release-promotion/ledger"))
                .append(LedgerRecord.started(
                                RecordKind.VERIFICATION, "staging", null, "v1.0.0", commit, ACTOR, now.minusSeconds(60))
                        .withEvidence("summary", SUMMARY)
                        .withReason("\u009b1A\u202eoverride")
                        .finish(Outcome.SUCCEEDED, now));
    }

    @Test
    void theApprovalPromptOnATerminalShowsTheNotesButNothingSteersIt() throws Exception {
        Screen screen = onTerminal("alice\nno\n", "promote", "v1.0.0", "--env", "production", "--actor", "ci");
        assertThat(screen.code()).as(screen.text()).isEqualTo(ExitCode.REJECTED);
        String text = screen.text();
        assertThat(text)
                .contains("  Tag:     v1.0.0\n")
                .contains("  Commit:  " + commit + "\n")
                .contains("DROP TABLE accounts")
                .contains("https://evil.example/x")
                .contains("\\u001b[2K")
                .contains("by mallory\\u001b[2K\\u000d  Commit:  0000000\\u000aTag: v9.9.9: 4/4 passed");
        assertSteersNothing(text);
        // A carriage return ends a line in Markdown, so the changelog's fake tag line is a line of the notes: below
        // the real one, indented as every line of the notes is.
        List<String> tagLines =
                text.lines().filter(l -> l.strip().startsWith("Tag:")).toList();
        assertThat(tagLines.get(0)).isEqualTo("  Tag:     v1.0.0");
        assertThat(tagLines.subList(1, tagLines.size())).allMatch(l -> l.startsWith("    "));
    }

    @Test
    void checkShowsTheNotesButNothingSteersIt() {
        Run check = run("check", "v1.0.0", "--env", "production");
        assertThat(check.code()).as(check.err()).isZero();
        assertThat(check.out()).contains("ALLOWED v1.0.0").contains("  - Cleanup \\u001b[8mDROP TABLE accounts;");
        assertSteersNothing(check.out() + check.err());
    }

    @Test
    void historyShowsEachLedgerFieldOnItsLineWithNothingThatSteers() {
        Run history = run("history", "--env", "staging");
        assertThat(history.code()).as(history.err()).isZero();
        // The header row and the one record.
        assertThat(history.out().lines()).hasSize(2);
        assertThat(history.out()).contains("v1.0.0").contains("mallory\\u001b[2K\\u000d");
        assertSteersNothing(history.out());
    }

    @Test
    void jsonKeepsEveryFieldExactlyWhileItsBytesSteerNothing() throws Exception {
        Run history = run("history", "--env", "staging", "--json");
        assertThat(history.code()).as(history.err()).isZero();
        assertSteersNothing(history.out());
        var entry = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(history.out())
                .get(0);
        assertThat(entry.get("actor").asText()).isEqualTo(ACTOR);
        assertThat(entry.get("reason").asText()).isEqualTo("\u009b1A\u202eoverride");
    }

    @Test
    void refusesControlCharactersInNamesItTakes() {
        for (String option : List.of("--actor", "--approved-by", "--break-glass", "--window-override", "--env")) {
            List<String> args = new ArrayList<>(List.of("promote", "v1.0.0", option, "ali\u001b[2Kce"));
            if (!option.equals("--env")) {
                args.addAll(List.of("--env", "production"));
            }
            Run refused = run(args.toArray(String[]::new));
            assertThat(refused.code()).as(option).isEqualTo(ExitCode.USAGE_OR_CONFIGURATION);
            assertThat(refused.err().lines().findFirst().orElseThrow())
                    .as(option)
                    .isEqualTo("release-promotion: Invalid value for option '" + option
                            + (option.equals("--approved-by") ? "' (NAME)" : "'") + ": 'ali\\u001b[2Kce'"
                            + " holds a control or invisible formatting character (\\u001b at position 4), which"
                            + " names and reasons never may; type it without one");
            assertSteersNothing(refused.err());
        }
        Run tag = run("check", "v1.0.0\u202e", "--env", "production");
        assertThat(tag.code()).isEqualTo(ExitCode.USAGE_OR_CONFIGURATION);
        assertThat(tag.err()).contains("positional parameter at index 0 (TAG)").contains("\\u202e");
    }

    private static void assertSteersNothing(String printed) {
        assertThat(printed.replace("\r\n", "\n"))
                .as("printed text")
                .doesNotContain("\u001b", "\r", "\u0007", "\u202e", "\u202c")
                .doesNotContainPattern("[\\x{80}-\\x{9f}]");
    }

    record Run(int code, String out, String err) {}

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = ReleasePromotionCommand.commandLine(Terminal.none(), Map.of());
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--repo", repo.toString()));
        int code = line.execute(all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    record Screen(int code, byte[] bytes) {
        /** What the terminal received; its own line discipline ends each line with a carriage return. */
        String text() {
            return new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n");
        }
    }

    /** The command in its own JVM under script(1), which gives it a pseudo-terminal and types {@code input}. */
    private Screen onTerminal(String input, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                ReleasePromotionCommand.class.getName()));
        command.addAll(List.of(args));
        command.addAll(List.of("--repo", repo.toString()));
        String line = command.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
        Process process = new ProcessBuilder("script", "-qec", line, "/dev/null")
                .redirectErrorStream(true)
                .start();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> {
            try {
                return process.getInputStream().readAllBytes();
            } catch (java.io.IOException e) {
                return new byte[0];
            }
        });
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the command did not end: " + new String(out.getNow(new byte[0])));
        }
        return new Screen(process.exitValue(), out.get());
    }
}
