// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package jenkins.model;
import hudson.model.ItemGroup;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import java.io.File;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
public abstract class Jenkins implements AccessControlled, ItemGroup {
    public static final Permission ADMINISTER = new Permission("Administer");
    public static final Permission READ = new Permission("Read");
    public static final Authentication ANONYMOUS2 = new UsernamePasswordAuthenticationToken("anonymous", "anonymous");
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
    // Jenkins#getAuthentication2, jenkins-2.541.3 l.4819-4828: the thread's authentication, else anonymous.
    public static Authentication getAuthentication2() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a == null ? ANONYMOUS2 : a;
    }
    public abstract File getRootDir();
    public <T> hudson.ExtensionList<T> getExtensionList(Class<T> extensionType) {
        throw new IllegalStateException("no extensions registered");
    }
    @Override
    public abstract ACL getACL();
}
