// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package org.jenkinsci.plugins.workflow.steps;
public class SynchronousResumeNotSupportedException extends Exception {
    private static final long serialVersionUID = 1L;
    public SynchronousResumeNotSupportedException(StepContext context) {
        super("The Pipeline step cannot be resumed after a controller restart.");
    }
}
