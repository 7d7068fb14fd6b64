package io.jenkins.plugins.releasepromotion.engine.git;

import io.jenkins.plugins.releasepromotion.engine.git.GitFactsException.Problem;
import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import java.io.IOException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevWalkException;

/** Runs a repository read and turns JGit's exceptions into one-line {@link GitFactsException}s. */
final class GitReads {

    /** A repository read that may fail with JGit's checked exceptions. */
    @FunctionalInterface
    interface GitRead<T> {
        T get() throws IOException;
    }

    private GitReads() {}

    /**
     * Runs {@code call}; {@code action} says what it was for, e.g. "read tag v1.2.3". A missing object in a walk means
     * the checkout lacks history, so it gets the fetch advice rather than a stack trace.
     */
    static <T> T read(String action, GitRead<T> call) {
        try {
            return call.get();
        } catch (MissingObjectException e) {
            throw FetchAdvice.historyCut(action, e);
        } catch (RevWalkException e) {
            throw e.getCause() instanceof MissingObjectException
                    ? FetchAdvice.historyCut(action, e)
                    : unreadable(action, e);
        } catch (IOException e) {
            throw unreadable(action, e);
        }
    }

    static GitFactsException unreadable(String action, Exception e) {
        return new GitFactsException(
                Problem.UNREADABLE,
                "cannot " + action + ": " + DisplayText.of(e.getMessage()) + "; check the repository with `git fsck`.",
                e);
    }
}
