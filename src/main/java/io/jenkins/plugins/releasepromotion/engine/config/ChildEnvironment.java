package io.jenkins.plugins.releasepromotion.engine.config;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a command started on this machine receives from the environment of the process that starts it: the few
 * variables every program expects ({@link #ALWAYS} and {@code LC_*}) and those the configuration names in
 * {@code passEnvironment}; never a credential variable of the command ({@value #CREDENTIAL_PREFIX}…, with its
 * {@code _FILE} forms), whatever the configuration says. A staging deploy script so never sees the production key.
 */
public final class ChildEnvironment {
    /** Where the command line's credentials come from; no variable with this prefix reaches a child process. */
    public static final String CREDENTIAL_PREFIX = "RELEASE_PROMOTION_";

    /** Passed to every command when the parent has them. */
    public static final List<String> ALWAYS =
            List.of("PATH", "HOME", "LANG", "TZ", "USER", "LOGNAME", "SHELL", "TMPDIR");

    private static final Set<String> ALWAYS_SET = Set.copyOf(ALWAYS);

    private ChildEnvironment() {}

    /**
     * @param parent the environment of the process that starts the command
     * @param passed the names the configuration passes on as well
     */
    public static Map<String, String> of(Map<String, String> parent, List<String> passed) {
        Set<String> names = Set.copyOf(passed);
        Map<String, String> child = new TreeMap<>();
        parent.forEach((name, value) -> {
            if (!isCredential(name) && (inherited(name) || names.contains(name))) {
                child.put(name, value);
            }
        });
        return child;
    }

    /** Whether the name is one of the command's credential variables. */
    public static boolean isCredential(String name) {
        return name.startsWith(CREDENTIAL_PREFIX);
    }

    private static boolean inherited(String name) {
        return ALWAYS_SET.contains(name) || name.startsWith("LC_");
    }
}
