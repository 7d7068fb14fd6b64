package io.jenkins.plugins.releasepromotion.cli;

import io.jenkins.plugins.releasepromotion.engine.model.TerminalText;
import io.jenkins.plugins.releasepromotion.engine.port.LogSink;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The engine's lines as they come, each with the time since the command began. On a terminal a spinner with the
 * running time turns below the last line while the engine waits; elsewhere (a CI log, a pipe) lines are plain. Every
 * line passes the terminal filter: it carries a deploy script's output, a server's answers, names from the ledger.
 */
final class Progress implements LogSink, AutoCloseable {
    private static final String FRAMES = "|/-\\";
    private static final String CLEAR = "\r\033[K";

    private final PrintWriter out;
    private final long start = System.nanoTime();
    private final ScheduledExecutorService spinner;
    private int frame;
    private boolean spinning;

    private Progress(PrintWriter out, boolean animated) {
        this.out = out;
        this.spinner = animated ? Executors.newSingleThreadScheduledExecutor(Progress::daemon) : null;
        if (spinner != null) {
            spinner.scheduleAtFixedRate(this::spin, 250, 250, TimeUnit.MILLISECONDS);
        }
    }

    static Progress plain(PrintWriter out) {
        return new Progress(out, false);
    }

    static Progress animated(PrintWriter out) {
        return new Progress(out, true);
    }

    @Override
    public synchronized void line(String text) {
        clear();
        TerminalText.lines(text).forEach(l -> out.printf(Locale.ROOT, "%7.1fs  %s%n", seconds(), l));
        out.flush();
    }

    private synchronized void spin() {
        frame = (frame + 1) % FRAMES.length();
        out.printf(Locale.ROOT, "\r%c working %.1fs", FRAMES.charAt(frame), seconds());
        out.flush();
        spinning = true;
    }

    private void clear() {
        if (spinning) {
            out.print(CLEAR);
            spinning = false;
        }
    }

    private double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    @Override
    public void close() {
        if (spinner != null) {
            spinner.shutdownNow();
            try {
                spinner.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            clear();
            out.flush();
        }
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "release-promotion-progress");
        t.setDaemon(true);
        return t;
    }
}
