// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package hudson.security;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
public class ACLContext implements AutoCloseable {
    private final SecurityContext previousContext;
    ACLContext(SecurityContext previousContext) { this.previousContext = previousContext; }
    public SecurityContext getPreviousContext2() { return previousContext; }
    @Override
    public void close() { SecurityContextHolder.setContext(previousContext); }
}
