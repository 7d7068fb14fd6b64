package io.jenkins.plugins.releasepromotion.steps;

import hudson.AbortException;
import io.jenkins.plugins.releasepromotion.engine.git.GitFactsException;
import io.jenkins.plugins.releasepromotion.engine.ledger.postgres.PostgresRefusedException;
import io.jenkins.plugins.releasepromotion.engine.ledger.postgres.PostgresUnavailableException;
import io.jenkins.plugins.releasepromotion.engine.port.CommandException;
import io.jenkins.plugins.releasepromotion.engine.port.CredentialsException;

/**
 * Expected failures end the build with one line and no stack trace: an unknown slot, a tag that is not a release
 * tag, a repository that lacks what the gates need, a credential that cannot be read, a shared ledger that cannot be
 * reached or refuses. Anything else is a bug and
 * keeps its stack trace.
 */
final class Aborts {

    private Aborts() {}

    @FunctionalInterface
    interface Work<T> {
        T run() throws AbortException;
    }

    static <T> T guard(StepRun run, Work<T> work) throws AbortException {
        try {
            return work.run();
        } catch (IllegalArgumentException
                | GitFactsException
                | CredentialsException
                | CommandException
                | PostgresUnavailableException
                | PostgresRefusedException e) {
            throw ConsoleLog.abort(run.mask(e.getMessage()));
        }
    }
}
