package io.jenkins.plugins.releasepromotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The demo in-process: the whole story to the end, and a stop at the approval when nobody can approve. */
class DemoTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();

    @Test
    void runsTheWholeStoryAndStopsEverythingItStarted() throws Exception {
        Path sandbox = dir.resolve("sandbox");
        assertThat(run("demo", "--yes", "--dir", sandbox.toString()))
                .as(out.toString())
                .isZero();
        assertThat(out.toString())
                .contains("== 1. Check: may v1.1.0 go to staging slot 1?")
                .contains("Approval needed: v1.1.0 to production")
                .contains("REFUSED NOT_STAGED: v1.2.0 was never verified on staging")
                .contains("refused  LIGHTWEIGHT_TAG: v1.2.1 is a lightweight tag")
                .contains("SUCCEEDED Promoted v1.1.1 to production")
                .contains("SUCCEEDED Rolled back production to v1.1.0")
                .contains("Every app and the SSH server are stopped.")
                .containsPattern("write the release record page +exit 0  as expected")
                .contains("Release record: " + sandbox.resolve("release-record.html"))
                .doesNotContain("UNEXPECTED");
        // The page shows the earlier releases the sandbox starts with, and the demo's own.
        assertThat(Files.readString(sandbox.resolve("release-record.html")))
                .contains("v0.4.0", "ROLLED_BACK", "v1.1.1", "id=\"figure-changeFailureRate\"");
        assertThat(ProcessChecks.pidsIn(out.toString())).hasSize(5).allSatisfy(pid -> assertThat(
                        ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .as("sample app %d", pid)
                .isFalse());
        String password = Files.readString(sandbox.resolve("secrets/demo-user.password"), StandardCharsets.UTF_8);
        assertThat(out.toString()).doesNotContain(password);
        for (String env : List.of("staging", "production")) {
            assertThat(Files.readString(sandbox.resolve("ledger/" + env + ".jsonl")))
                    .doesNotContain(password);
        }
    }

    @Test
    void withoutATerminalOrYesTheApprovalIsRejectedAndTheStoryEnds() throws Exception {
        int code = run("demo", "--dir", dir.resolve("sandbox").toString());
        assertThat(code).isEqualTo(ExitCode.REJECTED);
        assertThat(out.toString())
                .contains("REJECTED v1.1.0 to production: not approved")
                .contains("The promotion was not approved, so nothing went to production.")
                .contains("== Summary")
                .contains("exit 7  not approved")
                .doesNotContain("UNEXPECTED");
        List<Long> started = ProcessChecks.pidsIn(out.toString());
        assertThat(started).hasSize(1);
        assertThat(ProcessChecks.stillAlive(started, Duration.ZERO)).isEmpty();
    }

    @Test
    void refusesADirectoryThatIsNotEmpty() throws Exception {
        Files.writeString(dir.resolve("keep.txt"), "mine");
        assertThat(run("demo", "--yes", "--dir", dir.toString())).isEqualTo(ExitCode.USAGE_OR_CONFIGURATION);
        assertThat(Files.readString(dir.resolve("keep.txt"))).isEqualTo("mine");
    }

    private int run(String... args) {
        CommandLine line = ReleasePromotionCommand.commandLine(Terminal.none(), Map.of());
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(out, true));
        return line.execute(args);
    }
}
