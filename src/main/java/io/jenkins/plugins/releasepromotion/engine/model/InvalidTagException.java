package io.jenkins.plugins.releasepromotion.engine.model;

/** A tag name that is not a release tag. The message is one line: the value, the rule, the way out. */
public final class InvalidTagException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String displayValue;

    InvalidTagException(String displayValue, String problem, String example) {
        super("'" + displayValue + "' is not a release tag: " + problem + "; use " + example + ".");
        this.displayValue = displayValue;
    }

    /** The refused value, escaped and shortened for display. */
    public String displayValue() {
        return displayValue;
    }
}
