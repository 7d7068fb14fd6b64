package io.jenkins.plugins.releasepromotion.engine.verify;

/** An HTTP request that got no usable answer. The message is one line naming the request and what went wrong. */
public final class ProbeException extends Exception {
    private static final long serialVersionUID = 1L;

    /** How far the request got, for a one-word state such as {@code down}. */
    public enum Reach {
        /** Nothing listens at the address: the connection was refused. */
        DOWN,
        /** The host could not be reached, or did not answer in time. */
        UNREACHABLE,
        /** Something answered, but not usably (TLS, redirects, an answer too large). */
        ANSWERED
    }

    private final Reach reach;

    public ProbeException(String message) {
        this(message, Reach.ANSWERED);
    }

    public ProbeException(String message, Reach reach) {
        super(message);
        this.reach = reach;
    }

    public Reach reach() {
        return reach;
    }
}
