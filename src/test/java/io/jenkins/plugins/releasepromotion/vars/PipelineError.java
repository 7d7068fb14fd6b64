package io.jenkins.plugins.releasepromotion.vars;

/** What {@code error} throws: an expected failure that ends the build. */
final class PipelineError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PipelineError(String message) {
        super(message);
    }
}
