package io.jenkins.plugins.releasepromotion.engine.deploy;

import io.jenkins.plugins.releasepromotion.engine.port.LogSink;
import io.jenkins.plugins.releasepromotion.engine.port.Secrets;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Turns the bytes of a command's stdout and stderr (a remote one's, or one started through a launcher) into lines for
 * the log, each masked, in the order they arrive. Keeps the last lines for the result; a line longer than {@link #MAX_LINE} characters is cut.
 */
public final class OutputLines {
    static final int TAIL_LINES = 200;
    static final int MAX_LINE = 16_384;
    /** A secret that straddles the cut still lies wholly in the kept bytes, so it is masked before the cut. */
    private static final int OVERLAP = 1_024;

    private final Secrets secrets;
    private final LogSink log;
    private final Deque<String> tail = new ArrayDeque<>();
    private final Stream stdout = new Stream();
    private final Stream stderr = new Stream();
    private boolean forwarding = true;
    private boolean finished;

    public OutputLines(Secrets secrets, LogSink log) {
        this.secrets = secrets;
        this.log = log;
    }

    public OutputStream stdout() {
        return stdout;
    }

    public OutputStream stderr() {
        return stderr;
    }

    /** Emits what is left of unfinished lines and returns the last lines; later output is dropped. */
    public List<String> finish() {
        // Each stream's lock is taken before this one's, here as in write, so the two never wait for each other.
        stdout.flushLine();
        stderr.flushLine();
        synchronized (this) {
            finished = true;
            return List.copyOf(tail);
        }
    }

    private synchronized void emit(byte[] bytes, int length, boolean cut) {
        int end = length > 0 && bytes[length - 1] == '\r' ? length - 1 : length;
        String text = secrets.mask(new String(bytes, 0, end, StandardCharsets.UTF_8));
        if (cut || text.length() > MAX_LINE) {
            text = text.substring(0, Math.min(MAX_LINE, text.length())) + " [line cut at " + MAX_LINE + " characters]";
        }
        if (finished) {
            return;
        }
        if (tail.size() == TAIL_LINES) {
            tail.removeFirst();
        }
        tail.addLast(text);
        if (!forwarding) {
            return;
        }
        try {
            log.line(text);
        } catch (RuntimeException e) {
            // A broken log must not stop the reading, or the remote command would block on a full channel.
            forwarding = false;
        }
    }

    /** One of the two streams; SSHD writes to it from its own threads, one write at a time per stream. */
    private final class Stream extends OutputStream {
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private boolean cut;

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                flushLine();
            } else if (line.size() < (MAX_LINE + OVERLAP) * 4) {
                line.write(b);
            } else {
                cut = true;
            }
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                write(bytes[i]);
            }
        }

        synchronized void flushLine() {
            if (line.size() > 0 || cut) {
                emit(line.toByteArray(), line.size(), cut);
            }
            line.reset();
            cut = false;
        }
    }
}
