// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package org.jenkinsci.plugins.workflow.steps;
import java.io.Serializable;
public abstract class StepExecution implements Serializable {
    private static final long serialVersionUID = 1L;
    private final StepContext context;
    protected StepExecution(StepContext context) { this.context = context; }
    public StepContext getContext() { return context; }
    public abstract boolean start() throws Exception;
    // StepExecution#stop, workflow-step-api 710.v3e456cc85233 l.110-112: fails the step at once.
    public void stop(Throwable cause) throws Exception { context.onFailure(cause); }
    public void onResume() {}
    public String getStatus() { return null; }
    public boolean blocksRestart() { return false; }
}
