package io.jenkins.plugins.releasepromotion.engine.port;

/** A credential ID that is missing or of another type than needed. The message names the ID and the type. */
public final class CredentialsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CredentialsException(String message) {
        super(message);
    }

    public static CredentialsException missing(String id, String type) {
        return new CredentialsException("No credentials with ID '" + id + "' found; add a " + type
                + " credential with that ID, or fix the ID in the configuration.");
    }

    public static CredentialsException wrongType(String id, String expected, String actual) {
        return new CredentialsException("Credentials '" + id + "' are " + actual + ", but " + expected
                + " is needed here; use a " + expected + " credential.");
    }
}
