package io.jenkins.plugins.releasepromotion.vars;

/**
 * A call the harness does not know, or a parameter a step does not declare: the test fails, whatever the script
 * catches (unchecked, so Groovy passes it through unwrapped).
 */
final class HarnessViolation extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HarnessViolation(String message) {
        super(message);
    }
}
