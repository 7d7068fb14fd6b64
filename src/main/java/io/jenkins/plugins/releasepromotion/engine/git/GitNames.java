package io.jenkins.plugins.releasepromotion.engine.git;

import io.jenkins.plugins.releasepromotion.engine.git.GitFactsException.Problem;
import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.Repository;

/**
 * Checks names and paths before they reach JGit. Nothing here runs a command, but a name that git itself would refuse,
 * or that reads as an option, is refused the same way everywhere, with one line saying why.
 */
final class GitNames {
    static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{4,40}");
    private static final int MAX_LENGTH = 255;

    private GitNames() {}

    /** Returns {@code name} when it can be a ref name, else throws naming the value and what is expected. */
    static String requireRefName(String kind, String name, String example) {
        String problem = refProblem(name);
        if (problem != null) {
            throw new GitFactsException(
                    Problem.INVALID_NAME,
                    "'" + DisplayText.of(name) + "' is not a valid " + kind + " name: " + problem + "; use " + example
                            + ".");
        }
        return name;
    }

    static boolean isRefName(String name) {
        return refProblem(name) == null;
    }

    /** A repository-relative path, without a leading {@code ./} or trailing {@code /}. */
    static String requirePath(String path) {
        String normalized = normalizePath(path);
        String problem = pathProblem(normalized);
        if (problem != null) {
            throw new GitFactsException(
                    Problem.INVALID_NAME,
                    "'" + DisplayText.of(path) + "' is not a repository path: " + problem
                            + "; use a path like CHANGELOG.md or migrations/.");
        }
        return normalized;
    }

    /** Whether {@link #requirePath} accepts {@code path}. */
    static boolean isPath(String path) {
        return pathProblem(normalizePath(path)) == null;
    }

    private static String normalizePath(String path) {
        return path == null ? "" : path.replaceFirst("^(\\./)+", "").replaceFirst("/+$", "");
    }

    private static String pathProblem(String normalized) {
        if (normalized.isEmpty()) {
            return "a path is required";
        } else if (normalized.startsWith("/") || normalized.contains("\\")) {
            return "it must be relative to the repository root and use '/'";
        } else if (("/" + normalized + "/").contains("/../") || ("/" + normalized + "/").contains("/./")) {
            return "it must not contain '.' or '..' segments";
        } else if (normalized.chars().anyMatch(Character::isISOControl)) {
            return "it contains a control character";
        }
        return null;
    }

    private static String refProblem(String name) {
        if (name == null || name.isEmpty()) {
            return "a name is required";
        }
        if (name.length() > MAX_LENGTH) {
            return "it is " + name.length() + " characters long, the limit is " + MAX_LENGTH;
        }
        if (name.startsWith("-")) {
            return "it starts with '-' and would read as a command-line option";
        }
        String full = name.startsWith("refs/") ? name : "refs/x/" + name;
        if (!Repository.isValidRefName(full) || name.chars().anyMatch(ch -> ch > 0x7e)) {
            return "git does not allow it (whitespace, control characters, '..', '~', '^', ':', '?', '*', '[' or '\\')";
        }
        return null;
    }
}
