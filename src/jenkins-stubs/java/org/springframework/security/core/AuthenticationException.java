// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package org.springframework.security.core;
public abstract class AuthenticationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    public AuthenticationException(String msg) { super(msg); }
}
