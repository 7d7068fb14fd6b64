// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package org.jenkinsci.plugins.workflow.steps;
public abstract class SynchronousNonBlockingStepExecution<T> extends StepExecution {
    private static final long serialVersionUID = 1L;
    private transient volatile Thread thread;
    protected SynchronousNonBlockingStepExecution(StepContext context) { super(context); }
    protected abstract T run() throws Exception;
    @Override
    public final boolean start() throws Exception {
        thread = new Thread(() -> {
            try {
                getContext().onSuccess(run());
            } catch (Throwable t) {
                getContext().onFailure(t);
            }
        }, "step");
        thread.start();
        return false;
    }
    @Override
    public void stop(Throwable cause) throws Exception {
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }
}
