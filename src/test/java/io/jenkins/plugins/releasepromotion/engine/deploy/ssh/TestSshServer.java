package io.jenkins.plugins.releasepromotion.engine.deploy.ssh;

import java.io.IOException;

/**
 * An SSH server on loopback that runs commands with a real shell, for the deploy tests. Not {@link AutoCloseable}:
 * JUnit would close a server after the first test it was handed to.
 */
interface TestSshServer {
    String HOST = "127.0.0.1";

    int port();

    /** The host key the server presents, to pin. */
    SshKeygen.Key hostKey();

    /** How many logins the server has accepted so far. */
    int logins() throws Exception;

    void stop() throws Exception;

    /** Cuts every open connection from the server's side, as a crash or a network failure would. */
    void dropConnections() throws Exception;

    /** The last lines of the server's own log, where it says why it closed a connection; empty if it keeps none. */
    String logTail() throws IOException;

    /** The user the tests log in as: the one running them. */
    static String user() {
        return System.getProperty("user.name");
    }
}
