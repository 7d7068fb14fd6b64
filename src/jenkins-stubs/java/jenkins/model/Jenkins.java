// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package jenkins.model;
import hudson.model.ItemGroup;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import java.io.File;
public abstract class Jenkins implements AccessControlled, ItemGroup {
    public static final Permission ADMINISTER = new Permission("Administer");
    public static final Permission READ = new Permission("Read");
    static JenkinsHolder HOLDER = () -> null;
    public interface JenkinsHolder {
        Jenkins getInstance();
    }
    public static Jenkins get() throws IllegalStateException {
        Jenkins instance = getInstanceOrNull();
        if (instance == null) {
            throw new IllegalStateException("Jenkins is not running");
        }
        return instance;
    }
    public static Jenkins getInstanceOrNull() { return HOLDER.getInstance(); }
    public abstract File getRootDir();
    public <T> hudson.ExtensionList<T> getExtensionList(Class<T> extensionType) {
        throw new IllegalStateException("no extensions registered");
    }
    @Override
    public abstract ACL getACL();
}
