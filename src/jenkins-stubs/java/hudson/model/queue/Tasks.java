// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package hudson.model.queue;
import hudson.model.Queue;
import hudson.security.ACL;
import org.springframework.security.core.Authentication;
public class Tasks {
    public static Authentication getAuthenticationOf2(Queue.Task t) { return ACL.SYSTEM2; }
}
