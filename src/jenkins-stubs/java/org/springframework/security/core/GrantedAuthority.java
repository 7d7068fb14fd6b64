// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package org.springframework.security.core;
import java.io.Serializable;
public interface GrantedAuthority extends Serializable {
    String getAuthority();
}
