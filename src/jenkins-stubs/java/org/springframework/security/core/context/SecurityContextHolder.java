// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package org.springframework.security.core.context;
import org.springframework.security.core.Authentication;
// As Spring Security's default strategy (MODE_THREADLOCAL): each thread has its own context, empty until set.
public class SecurityContextHolder {
    private static final ThreadLocal<SecurityContext> CONTEXT = new ThreadLocal<>();
    public static SecurityContext getContext() {
        SecurityContext context = CONTEXT.get();
        if (context == null) {
            context = createEmptyContext();
            CONTEXT.set(context);
        }
        return context;
    }
    public static void setContext(SecurityContext context) { CONTEXT.set(context); }
    public static void clearContext() { CONTEXT.remove(); }
    public static SecurityContext createEmptyContext() {
        return new SecurityContext() {
            private static final long serialVersionUID = 1L;
            private Authentication authentication;
            @Override
            public Authentication getAuthentication() { return authentication; }
            @Override
            public void setAuthentication(Authentication a) { authentication = a; }
        };
    }
}
