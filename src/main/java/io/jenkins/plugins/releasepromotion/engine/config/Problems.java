package io.jenkins.plugins.releasepromotion.engine.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The problems found in one configuration, each a line that starts with the field path, e.g.
 * {@code environments[1].deploy.ssh.port: 70000 is out of range; use 1 to 65535}.
 *
 * <p>Binding reports values it cannot read with {@link #invalidValue}; the rules that run afterwards use {@link #add},
 * which stays quiet about a field (or anything inside it) whose value was already refused, so one mistake is not
 * reported twice as "invalid" and then "required".
 */
final class Problems {
    private final List<String> lines = new ArrayList<>();
    private final Set<String> refused = new HashSet<>();

    /** A value at {@code path} that could not be read. */
    void invalidValue(String path, String message) {
        refused.add(path);
        lines.add(line(path, message));
    }

    /** Marks a value as refused without a line of its own, e.g. a list whose items were reported one by one. */
    void markInvalid(String path) {
        refused.add(path);
    }

    /** A rule broken at {@code path}, unless that value was already refused while reading. */
    void add(String path, String message) {
        if (!isRefused(path)) {
            lines.add(line(path, message));
        }
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    static String index(String path, int index) {
        return path + "[" + index + "]";
    }

    private boolean isRefused(String path) {
        for (String p = path; !p.isEmpty(); p = parent(p)) {
            if (refused.contains(p)) {
                return true;
            }
        }
        return false;
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }

    private static String line(String path, String message) {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
