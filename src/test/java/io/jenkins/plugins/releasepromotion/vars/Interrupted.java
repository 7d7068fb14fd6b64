package io.jenkins.plugins.releasepromotion.vars;

/** A stand-in for the interruption Jenkins throws when an input is rejected or its timeout is exceeded. */
final class Interrupted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Interrupted(String message) {
        super(message);
    }
}
