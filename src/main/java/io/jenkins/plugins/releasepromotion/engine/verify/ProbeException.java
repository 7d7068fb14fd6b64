package io.jenkins.plugins.releasepromotion.engine.verify;

/** An HTTP request that got no usable answer. The message is one line naming the request and what went wrong. */
public final class ProbeException extends Exception {
    private static final long serialVersionUID = 1L;

    public ProbeException(String message) {
        super(message);
    }
}
