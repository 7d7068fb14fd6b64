// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package hudson.model;
import java.io.Serializable;
public final class Result implements Serializable {
    private static final long serialVersionUID = 1L;
    private Result() {}
}
