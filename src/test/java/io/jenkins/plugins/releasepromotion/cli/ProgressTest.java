package io.jenkins.plugins.releasepromotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Progress lines: plain with the elapsed time off a terminal, a spinner that clears itself on one. */
class ProgressTest {
    @Test
    void plainLinesCarryTheElapsedTimeAndNothingElse() throws Exception {
        StringWriter out = new StringWriter();
        try (Progress progress = Progress.plain(new PrintWriter(out))) {
            progress.line("Deploying v1.2.3 to staging slot 1.");
            Thread.sleep(600);
            progress.line("two\nlines");
        }
        assertThat(out.toString())
                .matches(
                        "(?s) +0\\.\\ds  Deploying v1\\.2\\.3 to staging slot 1\\.\\R +0\\.\\ds  two\\R +0\\.\\ds  lines\\R")
                .doesNotContain("\r")
                .doesNotContain("working");
    }

    @Test
    void onATerminalASpinnerTurnsWhileWaitingAndIsClearedBeforeEachLine() throws Exception {
        StringWriter out = new StringWriter();
        try (Progress progress = Progress.animated(new PrintWriter(out))) {
            progress.line("Verifying v1.2.3 on production.");
            Thread.sleep(700);
            progress.line("[verify] health passed");
        }
        String text = out.toString();
        assertThat(text).contains("\r/ working", "\r- working").contains("\r\033[K");
        assertThat(text.indexOf("\r\033[K")).isLessThan(text.indexOf("[verify] health passed"));
        assertThat(text).endsWith("[verify] health passed" + System.lineSeparator());
    }
}
