package io.jenkins.plugins.releasepromotion.engine.deploy.ssh;

import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import io.jenkins.plugins.releasepromotion.engine.port.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The one line the deploy host's login shell runs for a {@link Command}: {@code cd <dir> && exec env NAME=value ...
 * sh -c <supervisor> release-promotion <argv...>}, every value quoted. Variables go through {@code env} rather than
 * the SSH "env" request, which servers drop unless their AcceptEnv lists the name.
 *
 * <p>The supervisor ties the command's life to the channel. SSH has no reliable way to stop a remote command (OpenSSH
 * ignores signal requests), and a command outlives a closed channel, so a watcher reads the supervisor's standard
 * input, which stays open while the channel does. When it ends (the run timed out or was stopped, or the connection
 * dropped), the watcher ends the command and every process it started with TERM, then KILL after
 * {@value #GRACE_SECONDS} seconds; a TERM to the supervisor itself, as some servers send when a channel closes, does
 * the same at once. OpenSSH starts each session in a process group of its own, which the {@code exec} keeps the
 * supervisor at the head of; where a server does not, only the command itself is stopped.
 */
final class RemoteCommandLine {
    static final int GRACE_SECONDS = 5;

    /**
     * {@code "$@"} is the command. fd 3 keeps the channel's input for the watcher, as background jobs get none; the
     * watcher ignores the TERM it sends its own group, and is killed outright when the command ends by itself.
     */
    static final String SUPERVISOR = "trap 'trap \"\" TERM; kill -TERM -$$ 2>/dev/null || kill -TERM $c 2>/dev/null;"
            + " exit 143' TERM HUP; "
            + "exec 3<&0; \"$@\" </dev/null 3<&- & c=$!; "
            + "{ trap \"\" TERM; while read -r _; do :; done; kill -TERM -$$ || kill -TERM $c; sleep " + GRACE_SECONDS
            + "; kill -KILL -$$ || kill -KILL $c; } <&3 >/dev/null 2>&1 & w=$!; exec 3<&-; "
            + "wait $c; s=$?; kill -KILL $w 2>/dev/null; exit $s";

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private RemoteCommandLine() {}

    static String of(Command command) {
        List<String> words = new ArrayList<>();
        words.add("exec");
        Map<String, String> environment = new TreeMap<>(command.environment());
        if (!environment.isEmpty()) {
            words.add("env");
            environment.forEach((name, value) -> words.add(assignment(name, value)));
        }
        words.addAll(List.of("sh", "-c", SUPERVISOR, "release-promotion"));
        words.addAll(command.argv());
        String line = ShellQuote.join(words);
        String directory = command.workingDirectory();
        return directory == null ? line : "cd " + ShellQuote.quote(directory) + " && " + line;
    }

    private static String assignment(String name, String value) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + DisplayText.of(name) + "' is not an environment variable name;"
                    + " use letters, digits and _, not starting with a digit.");
        }
        return name + "=" + value;
    }
}
