package io.jenkins.plugins.releasepromotion.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The sample apps a demo's output says it started, and whether they are gone. */
final class ProcessChecks {
    private static final Pattern DEPLOYED = Pattern.compile("Deployed v[0-9.]+: pid (\\d+)");

    private ProcessChecks() {}

    static List<Long> pidsIn(String output) {
        List<Long> pids = new ArrayList<>();
        Matcher m = DEPLOYED.matcher(output);
        while (m.find()) {
            pids.add(Long.parseLong(m.group(1)));
        }
        return pids;
    }

    /** Processes (apps, deploy scripts) whose command line names something under {@code dir}. */
    static List<String> runningUnder(Path dir) {
        String path = dir.toAbsolutePath().toString();
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self)
                .filter(p -> p.info().commandLine().map(c -> c.contains(path)).orElse(false))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                .toList();
    }

    /** Waits up to {@code patience} until no process runs under {@code dir}; returns those still there. */
    static List<String> awaitNoneUnder(Path dir, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        List<String> left = runningUnder(dir);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            left = runningUnder(dir);
        }
        return left;
    }

    /** The processes still alive after waiting up to {@code patience} for them to end. */
    static List<Long> stillAlive(List<Long> pids, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        List<Long> alive;
        do {
            alive = pids.stream()
                    .filter(pid ->
                            ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .toList();
            if (alive.isEmpty()) {
                return alive;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return alive;
    }
}
