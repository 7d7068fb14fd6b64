package io.jenkins.plugins.releasepromotion.vars;

/** Our steps fail with hudson.AbortException, a checked exception; the harness passes it on as thrown. */
final class Checked {
    private Checked() {}

    /** Throws {@code e} through code that does not declare it; the return type lets a caller write {@code throw}. */
    @SuppressWarnings("unchecked")
    static <T extends Throwable> RuntimeException rethrow(Throwable e) throws T {
        throw (T) e;
    }
}
