// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package org.jenkinsci.plugins.workflow.steps;
import com.google.common.util.concurrent.FutureCallback;
import java.io.IOException;
import java.io.Serializable;
public abstract class StepContext implements FutureCallback<Object>, Serializable {
    private static final long serialVersionUID = 1L;
    public abstract <T> T get(Class<T> key) throws IOException, InterruptedException;
    @Override
    public abstract void onSuccess(Object result);
    public abstract boolean isReady();
}
