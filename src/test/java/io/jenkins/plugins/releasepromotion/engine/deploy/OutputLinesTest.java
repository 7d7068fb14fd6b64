package io.jenkins.plugins.releasepromotion.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.releasepromotion.engine.port.LogSink;
import io.jenkins.plugins.releasepromotion.engine.port.Secrets;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputLinesTest {
    private final Lines log = new Lines();

    @Test
    void bytesBecomeMaskedLinesWithoutTheirLineEnds() throws IOException {
        OutputLines lines = new OutputLines(Secrets.none().with("hunter2"), log);
        write(lines.stdout(), "plain\r\npass=hunter2\nsplit ");
        write(lines.stderr(), "warning: späť\n");
        write(lines.stdout(), "across writes\nno end");

        assertThat(lines.finish())
                .containsExactly("plain", "pass=****", "warning: späť", "split across writes", "no end");
        assertThat(log.lines()).isEqualTo(lines.finish());
    }

    @Test
    void aCharacterSplitAcrossWritesIsDecodedWhole() throws IOException {
        OutputLines lines = new OutputLines(Secrets.none(), log);
        byte[] bytes = "ü\n".getBytes(StandardCharsets.UTF_8);
        lines.stdout().write(bytes, 0, 1);
        lines.stdout().write(bytes, 1, bytes.length - 1);

        assertThat(lines.finish()).containsExactly("ü");
    }

    @Test
    void aVeryLongLineIsCutAndSaysSo() throws IOException {
        OutputLines lines = new OutputLines(Secrets.none(), log);
        write(lines.stdout(), "x".repeat(OutputLines.MAX_LINE * 10) + "\nnext\n");

        List<String> tail = lines.finish();
        assertThat(tail.get(0))
                .hasSize(OutputLines.MAX_LINE + " [line cut at 16384 characters]".length())
                .endsWith(" [line cut at 16384 characters]");
        assertThat(tail.get(1)).isEqualTo("next");
    }

    @Test
    void theResultKeepsTheLastLinesAndTheLogGetsThemAll() throws IOException {
        OutputLines lines = new OutputLines(Secrets.none(), log);
        for (int i = 0; i < OutputLines.TAIL_LINES + 50; i++) {
            write(lines.stdout(), "line " + i + "\n");
        }

        List<String> tail = lines.finish();
        assertThat(tail).hasSize(OutputLines.TAIL_LINES).startsWith("line 50").endsWith("line 249");
        assertThat(log.lines()).hasSize(OutputLines.TAIL_LINES + 50);
    }

    @Test
    void aBrokenLogStopsForwardingButNotReading() throws IOException {
        OutputLines lines = new OutputLines(Secrets.none(), text -> {
            throw new IllegalStateException("console closed");
        });
        write(lines.stdout(), "one\ntwo\n");

        assertThat(lines.finish()).containsExactly("one", "two");
    }

    @Test
    void outputAfterTheEndIsDropped() throws IOException {
        OutputLines lines = new OutputLines(Secrets.none(), log);
        write(lines.stdout(), "before\n");
        lines.finish();
        write(lines.stdout(), "after\n");

        assertThat(lines.finish()).containsExactly("before");
        assertThat(log.lines()).containsExactly("before");
    }

    private static void write(OutputStream stream, String text) throws IOException {
        stream.write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A log that keeps every line. */
    private static final class Lines implements LogSink {
        private final List<String> lines = new ArrayList<>();

        @Override
        public synchronized void line(String text) {
            lines.add(text);
        }

        synchronized List<String> lines() {
            return List.copyOf(lines);
        }
    }
}
