// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package jenkins.model;
import hudson.model.Action;
import hudson.model.Run;
public interface RunAction2 extends Action {
    void onAttached(Run<?, ?> r);
    void onLoad(Run<?, ?> r);
}
