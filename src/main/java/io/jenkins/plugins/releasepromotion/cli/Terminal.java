package io.jenkins.plugins.releasepromotion.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The person at the keyboard, when there is one. Questions are asked only on a terminal; without one nothing is ever
 * asked, so nothing is ever answered by default. What is shown there passes the terminal filter.
 */
final class Terminal {
    private final BufferedReader in;
    private final PrintWriter out;
    private final boolean echo;
    private final boolean animated;

    private Terminal(BufferedReader in, PrintWriter out, boolean echo, boolean animated) {
        this.in = in;
        this.out = out == null ? null : TerminalWriter.over(out);
        this.echo = echo;
        this.animated = animated;
    }

    /** The process's console: present only when both standard input and output are a terminal. */
    static Terminal system() {
        Console console = System.console();
        return console == null
                ? none()
                : new Terminal(new BufferedReader(console.reader()), console.writer(), false, true);
    }

    /** A terminal reading answers from {@code in} and asking on {@code out}. */
    static Terminal of(Reader in, Writer out) {
        return new Terminal(new BufferedReader(in), new PrintWriter(out, true), false, false);
    }

    /** Answers given in advance, each shown after its question as if typed. */
    static Terminal scripted(Reader answers, Writer out, boolean animated) {
        return new Terminal(new BufferedReader(answers), new PrintWriter(out, true), true, animated);
    }

    static Terminal none() {
        return new Terminal(null, null, false, false);
    }

    boolean interactive() {
        return in != null;
    }

    /** Whether progress may redraw a line: only on a real console. */
    boolean animated() {
        return animated;
    }

    /** Where questions and what they are about go; only on a terminal. */
    PrintWriter out() {
        if (out == null) {
            throw new IllegalStateException("no terminal");
        }
        return out;
    }

    /**
     * Asks and reads one line, trimmed.
     *
     * @throws TimeoutException when no answer came within {@code timeout}
     * @return empty when the input ended
     */
    Optional<String> ask(String question, Duration timeout) throws TimeoutException, InterruptedException {
        out().print(question);
        out().flush();
        CompletableFuture<String> answer = new CompletableFuture<>();
        Thread reader = new Thread(
                () -> {
                    try {
                        answer.complete(in.readLine());
                    } catch (IOException e) {
                        answer.completeExceptionally(e);
                    }
                },
                "release-promotion-answer");
        reader.setDaemon(true);
        reader.start();
        try {
            String line = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (echo) {
                out().println(line == null ? "" : line);
            }
            return line == null ? Optional.empty() : Optional.of(line.strip());
        } catch (ExecutionException e) {
            throw new UncheckedIOException("cannot read the answer from the terminal", (IOException) e.getCause());
        }
    }
}
