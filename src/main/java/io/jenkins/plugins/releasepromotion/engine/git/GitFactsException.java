package io.jenkins.plugins.releasepromotion.engine.git;

/**
 * A question about the repository that could not be answered. The message is one line: the value, what is wrong and
 * what to do about it. The cause, when there is one, is kept for the stack trace.
 */
public final class GitFactsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A stable code for what went wrong, so callers can decide without reading the message. */
    public enum Problem {
        NOT_A_REPOSITORY,
        INVALID_NAME,
        TAG_NOT_FOUND,
        BRANCH_NOT_FOUND,
        COMMIT_NOT_FOUND,
        NOT_A_COMMIT,
        /** The answer needs history or tags this checkout does not have. */
        SHALLOW_HISTORY,
        UNREADABLE
    }

    private final Problem problem;

    /** For a question answered elsewhere (the agent that holds the workspace) and reported back. */
    public GitFactsException(Problem problem, String message) {
        this(problem, message, null);
    }

    GitFactsException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
