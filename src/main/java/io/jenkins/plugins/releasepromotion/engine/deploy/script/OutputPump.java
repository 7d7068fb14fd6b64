package io.jenkins.plugins.releasepromotion.engine.deploy.script;

import io.jenkins.plugins.releasepromotion.engine.port.LogSink;
import io.jenkins.plugins.releasepromotion.engine.port.Secrets;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Reads a process's output on its own thread, so a chatty process never blocks on a full pipe, and hands each line,
 * masked, to the log. Keeps the last lines for the result; a line longer than {@link #MAX_LINE} characters is cut.
 */
final class OutputPump implements Runnable {
    static final int TAIL_LINES = 200;
    static final int MAX_LINE = 16_384;

    // A secret that straddles the cut still lies wholly in the kept text, so it is masked before the cut.
    private static final int OVERLAP = 1_024;

    private final Reader reader;
    private final Secrets secrets;
    private final LogSink log;
    private final Deque<String> tail = new ArrayDeque<>();
    private final Thread thread;
    private volatile boolean forwarding = true;
    private volatile boolean complete;

    private OutputPump(InputStream output, Secrets secrets, LogSink log, String name) {
        this.reader = new InputStreamReader(output, StandardCharsets.UTF_8);
        this.secrets = secrets;
        this.log = log;
        this.thread = new Thread(this, "output of " + name);
        thread.setDaemon(true);
    }

    static OutputPump start(InputStream output, Secrets secrets, LogSink log, String name) {
        OutputPump pump = new OutputPump(output, secrets, log, name);
        pump.thread.start();
        return pump;
    }

    @Override
    public void run() {
        StringBuilder line = new StringBuilder();
        boolean cut = false;
        char[] buffer = new char[8192];
        try (reader) {
            for (int n = reader.read(buffer); n != -1; n = reader.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    char ch = buffer[i];
                    if (ch == '\n') {
                        emit(line, cut);
                        line.setLength(0);
                        cut = false;
                    } else if (line.length() < MAX_LINE + OVERLAP) {
                        line.append(ch);
                    } else {
                        cut = true;
                    }
                }
            }
        } catch (IOException e) {
            // The stream closes under us when the process is killed; what was read so far stands.
        }
        if (line.length() > 0 || cut) {
            emit(line, cut);
        }
    }

    /**
     * Waits up to {@code grace} for the rest of the output and returns the last lines. Processes the command left
     * running may hold its output open for ever; then the pump stops forwarding and {@link #complete()} is false.
     */
    List<String> finish(Duration grace) {
        try {
            thread.join(Math.max(1, grace.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        complete = !thread.isAlive();
        forwarding = false;
        synchronized (tail) {
            return List.copyOf(tail);
        }
    }

    /** Whether all output was read when {@link #finish(Duration)} returned. */
    boolean complete() {
        return complete;
    }

    private void emit(StringBuilder raw, boolean cut) {
        int end = raw.length() > 0 && raw.charAt(raw.length() - 1) == '\r' ? raw.length() - 1 : raw.length();
        String text = secrets.mask(raw.substring(0, end));
        if (cut || text.length() > MAX_LINE) {
            text = text.substring(0, Math.min(MAX_LINE, text.length())) + " [line cut at " + MAX_LINE + " characters]";
        }
        synchronized (tail) {
            if (tail.size() == TAIL_LINES) {
                tail.removeFirst();
            }
            tail.addLast(text);
        }
        if (forwarding) {
            forward(text);
        }
    }

    private void forward(String text) {
        try {
            log.line(text);
        } catch (RuntimeException e) {
            // A broken log must not stop the draining, or the process would block on a full pipe.
            forwarding = false;
        }
    }
}
