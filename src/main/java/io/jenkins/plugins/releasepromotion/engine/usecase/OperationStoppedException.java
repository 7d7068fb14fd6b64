package io.jenkins.plugins.releasepromotion.engine.usecase;

/** The operation was stopped from outside (a Jenkins build aborted, Ctrl-C); its terminal record says so. */
public final class OperationStoppedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OperationStoppedException(String message, Throwable cause) {
        super(message, cause);
    }
}
