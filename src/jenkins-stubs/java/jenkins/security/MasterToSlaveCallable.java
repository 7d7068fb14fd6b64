// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package jenkins.security;
import hudson.remoting.Callable;
import org.jenkinsci.remoting.RoleChecker;
public abstract class MasterToSlaveCallable<V, T extends Throwable> implements Callable<V, T> {
    private static final long serialVersionUID = 1L;
    @Override
    public void checkRoles(RoleChecker checker) throws SecurityException {}
}
