package io.jenkins.plugins.releasepromotion.engine.deploy.ssh;

import java.io.IOException;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Adds the end of each test server's log to a failed test's exception: the client only sees a closed connection, the
 * server's log says why it closed it.
 */
final class ServerLogOnFailure implements TestExecutionExceptionHandler {
    private final Supplier<Stream<TestSshServer>> servers;

    ServerLogOnFailure(Supplier<Stream<TestSshServer>> servers) {
        this.servers = servers;
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        servers.get().filter(Objects::nonNull).forEach(server -> {
            try {
                String tail = server.logTail();
                if (!tail.isEmpty()) {
                    failure.addSuppressed(new ServerLog("The log of " + server + " ends with:\n" + tail));
                }
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        });
        throw failure;
    }

    /** Only a carrier for the log lines; a stack trace would point here, not at the failure. */
    static final class ServerLog extends Exception {
        private static final long serialVersionUID = 1L;

        ServerLog(String lines) {
            super(lines, null, false, false);
        }
    }
}
