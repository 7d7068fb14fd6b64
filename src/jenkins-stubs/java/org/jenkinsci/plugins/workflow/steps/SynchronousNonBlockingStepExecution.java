// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package org.jenkinsci.plugins.workflow.steps;
import hudson.security.ACL;
import hudson.security.ACLContext;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jenkins.model.Jenkins;
import org.springframework.security.core.Authentication;
// Behaves as the real class, workflow-step-api 710.v3e456cc85233 SynchronousNonBlockingStepExecution.java:
// start() (l.42-61) runs run() on a pool thread as the caller's authentication and reports its end unless a stop came
// first; stop() (l.67-73) cancels the task, which interrupts the thread, and fails the step at once while run() may
// still go on; onResume() (l.76-79) fails the step; blocksRestart() (l.89-91) is true once the thread has started.
public abstract class SynchronousNonBlockingStepExecution<T> extends StepExecution {
    private static final long serialVersionUID = 1L;
    private transient volatile Future<?> task;
    private transient String threadName;
    private transient volatile Throwable stopCause;
    private static ExecutorService executorService;
    protected SynchronousNonBlockingStepExecution(StepContext context) { super(context); }
    protected abstract T run() throws Exception;
    @Override
    public final boolean start() throws Exception {
        final Authentication auth = Jenkins.getAuthentication2();
        task = getExecutorService().submit(() -> {
            threadName = Thread.currentThread().getName();
            try {
                T ret;
                try (ACLContext acl = ACL.as2(auth)) {
                    ret = run();
                }
                getContext().onSuccess(ret);
            } catch (Throwable x) {
                if (stopCause == null) {
                    getContext().onFailure(x);
                } else {
                    stopCause.addSuppressed(x);
                }
            }
        });
        return false;
    }
    @Override
    public void stop(Throwable cause) throws Exception {
        if (task != null) {
            stopCause = cause;
            task.cancel(true);
        }
        super.stop(cause);
    }
    @Override
    public void onResume() {
        StepContext context = getContext();
        context.onFailure(new SynchronousResumeNotSupportedException(context));
    }
    @Override
    public String getStatus() {
        return threadName != null ? "running in thread: " + threadName : "not yet scheduled";
    }
    @Override
    public boolean blocksRestart() { return threadName != null; }
    static synchronized ExecutorService getExecutorService() {
        if (executorService == null) {
            executorService = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution");
                t.setDaemon(true);
                return t;
            });
        }
        return executorService;
    }
}
