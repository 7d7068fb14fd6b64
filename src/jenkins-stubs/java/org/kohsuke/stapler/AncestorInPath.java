// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package org.kohsuke.stapler;
import java.lang.annotation.*;
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@Documented
public @interface AncestorInPath {}
