// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package hudson.util;
import java.io.IOException;
public abstract class FormValidation extends IOException {
    private static final long serialVersionUID = 1L;
    public enum Kind { OK, WARNING, ERROR }
    public final Kind kind;
    private FormValidation(Kind kind, String message) { super(message); this.kind = kind; }
    public static FormValidation ok() { return new Simple(Kind.OK, null); }
    public static FormValidation ok(String message) { return new Simple(Kind.OK, message); }
    public static FormValidation warning(String message) { return new Simple(Kind.WARNING, message); }
    public static FormValidation error(String message) { return new Simple(Kind.ERROR, message); }
    private static final class Simple extends FormValidation {
        private static final long serialVersionUID = 1L;
        Simple(Kind kind, String message) { super(kind, message); }
    }
}
