// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package hudson;
import java.io.IOException;
public class AbortException extends IOException {
    private static final long serialVersionUID = 1L;
    public AbortException() {}
    public AbortException(String message) { super(message); }
}
