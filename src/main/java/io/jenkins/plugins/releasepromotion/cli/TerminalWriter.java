package io.jenkins.plugins.releasepromotion.cli;

import io.jenkins.plugins.releasepromotion.engine.model.TerminalText;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Everything the command prints passes here: line breaks as they are, the rest through {@link TerminalText}, so no
 * text from a changelog, a ledger, a deploy script or an answering server can steer the terminal it reaches. The
 * command's own control sequences (the spinner's) go to {@link #unfiltered}.
 */
final class TerminalWriter extends PrintWriter {
    private final PrintWriter unfiltered;

    private TerminalWriter(PrintWriter unfiltered) {
        super(new Filter(unfiltered), true);
        this.unfiltered = unfiltered;
    }

    /** {@code out} behind the filter, once. */
    static PrintWriter over(PrintWriter out) {
        return out instanceof TerminalWriter ? out : new TerminalWriter(out);
    }

    /** What {@code out} writes to without the filter: only for text the command wrote itself. */
    static PrintWriter unfiltered(PrintWriter out) {
        return out instanceof TerminalWriter filtered ? filtered.unfiltered : out;
    }

    private static final class Filter extends Writer {
        private final Writer target;
        // A character outside the Basic Multilingual Plane may arrive in two writes; its first half waits here.
        private String pending = "";

        Filter(Writer target) {
            this.target = target;
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            String text = pending + new String(chars, offset, length);
            pending = "";
            if (!text.isEmpty() && Character.isHighSurrogate(text.charAt(text.length() - 1))) {
                pending = text.substring(text.length() - 1);
                text = text.substring(0, text.length() - 1);
            }
            int start = 0;
            for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
                target.write(TerminalText.of(text.substring(start, end)));
                target.write('\n');
                start = end + 1;
            }
            target.write(TerminalText.of(text.substring(start)));
        }

        @Override
        public void flush() throws IOException {
            target.flush();
        }

        @Override
        public void close() throws IOException {
            target.write(TerminalText.of(pending));
            pending = "";
            target.close();
        }
    }
}
