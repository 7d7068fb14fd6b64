// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package hudson;
import java.lang.annotation.*;
import net.java.sezpoz.Indexable;
@Indexable
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD})
@Documented
public @interface Extension {
    double ordinal() default 0;
}
