package io.jenkins.plugins.releasepromotion.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs a command to its end: how long it took, or its peak resident set size read from /proc while it runs. */
final class Processes {
    private Processes() {}

    /** Milliseconds from start to exit, its output discarded; fails, naming it, when it does not exit 0. */
    static double millis(List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        int code = process.waitFor();
        double millis = (System.nanoTime() - start) / 1e6;
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", command) + ": exit code " + code);
        }
        return millis;
    }

    /** The command's peak RSS in MiB; fails when it does not exit 0. */
    static double peakRssMib(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        long peakKb = 0;
        while (process.isAlive()) {
            peakKb = Math.max(peakKb, highWaterMarkKb(status));
            Thread.sleep(5);
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException(command.get(command.size() - 1) + ": exit code " + process.exitValue());
        }
        return peakKb / 1024.0;
    }

    private static long highWaterMarkKb(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // The process ended between the check and the read.
        }
        return 0;
    }
}
