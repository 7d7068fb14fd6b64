package io.jenkins.plugins.releasepromotion.engine.port;

/** A command that could not be run at all: the program is missing, the host refused, the host key did not match. */
public final class CommandException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CommandException(String message) {
        super(message);
    }

    public CommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
