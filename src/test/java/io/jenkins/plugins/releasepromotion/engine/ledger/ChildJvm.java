package io.jenkins.plugins.releasepromotion.engine.ledger;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A {@link LedgerChild} in its own JVM, talked to line by line. Killing it is as abrupt as a power cut for it. */
final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    private final Path errors;

    private ChildJvm(Process process, Path errors) {
        this.process = process;
        this.errors = errors;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    static ChildJvm start(Path scratch, String... args) throws IOException {
        return start(scratch, Map.of(), args);
    }

    /** A child with {@code environment} added to ours (how a password reaches it: never in its arguments). */
    static ChildJvm start(Path scratch, Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xshare:auto",
                "-cp",
                System.getProperty("java.class.path"),
                LedgerChild.class.getName()));
        command.addAll(List.of(args));
        Files.createDirectories(scratch);
        Path errors = Files.createTempFile(scratch, "child-", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        return new ChildJvm(process, errors);
    }

    /** The next line of output, or {@code null} once the process has ended. */
    String readLine() throws IOException {
        return out.readLine();
    }

    /** Reads output up to the line {@code expected}; fails with the child's errors if it ends first. */
    void await(String expected) throws IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.equals(expected)) {
                return;
            }
        }
        fail("child ended before printing " + expected + "; its errors: " + errors());
    }

    void send(String line) throws IOException {
        in.write(line + "\n");
        in.flush();
    }

    void closeInput() throws IOException {
        in.close();
    }

    /** Kills the process at once; its output written so far stays readable (Process.destroy would close it). */
    void kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        process.waitFor();
    }

    int waitFor() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            fail("child did not finish in 60 s");
        }
        return process.exitValue();
    }

    String errors() throws IOException {
        return Files.readString(errors, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
