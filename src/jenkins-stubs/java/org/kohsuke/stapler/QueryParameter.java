// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package org.kohsuke.stapler;
import java.lang.annotation.*;
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@Documented
public @interface QueryParameter {
    String value() default "";
    boolean required() default false;
    boolean fixEmpty() default false;
}
