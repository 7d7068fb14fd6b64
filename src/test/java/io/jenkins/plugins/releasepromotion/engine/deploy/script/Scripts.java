package io.jenkins.plugins.releasepromotion.engine.deploy.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Small shell scripts on disk, a log that keeps its lines, and waiting for a condition with a deadline. */
public final class Scripts {
    private static final long PAUSE_NANOS = 20_000_000L;

    private Scripts() {}

    /** Writes an executable {@code #!/bin/sh} script. */
    public static Path write(Path dir, String name, String... lines) throws IOException {
        Path script = dir.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    /** A log sink that keeps every line; safe to write from the runner's output thread. */
    public static List<String> lines() {
        return Collections.synchronizedList(new ArrayList<>());
    }

    /** Polls until the condition holds; the deadline only bounds a failure, the condition decides. */
    public static void await(String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("waiting for %s", what).isNegative();
            LockSupport.parkNanos(PAUSE_NANOS);
        }
    }

    public static long pidIn(Path file) {
        await("pid file " + file, Duration.ofSeconds(20), () -> written(file));
        try {
            return Long.parseLong(
                    Files.readString(file, StandardCharsets.US_ASCII).trim());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    public static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Whole: the writer ends the pid with a newline, so a half-written file does not count. */
    private static boolean written(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII);
            return !text.isBlank() && text.endsWith("\n");
        } catch (IOException e) {
            return false;
        }
    }
}
