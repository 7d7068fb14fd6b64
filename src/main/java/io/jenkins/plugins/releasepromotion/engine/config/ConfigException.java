package io.jenkins.plugins.releasepromotion.engine.config;

import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import java.util.List;

/**
 * A configuration that cannot be used, with every problem found in it. Each problem is one line that starts with the
 * field path; no line repeats the value of a field that looks like it holds a secret.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String[] problems;

    public ConfigException(String source, List<String> problems) {
        super(message(source, problems));
        this.source = source;
        this.problems = problems.toArray(new String[0]);
    }

    /** Where the configuration came from: a file path or a name such as "Jenkins global configuration". */
    public String source() {
        return source;
    }

    public List<String> problems() {
        return List.of(problems);
    }

    private static String message(String source, List<String> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a configuration exception needs at least one problem");
        }
        String where = DisplayText.of(source);
        if (problems.size() == 1) {
            return "1 problem in " + where + ": " + problems.get(0);
        }
        return problems.size() + " problems in " + where + ":\n  " + String.join("\n  ", problems);
    }
}
