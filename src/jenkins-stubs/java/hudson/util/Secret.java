// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package hudson.util;
import java.io.Serializable;
public final class Secret implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String value;
    private Secret(String value) { this.value = value; }
    public String getPlainText() { return value; }
    public static Secret fromString(String data) { return new Secret(data == null ? "" : data); }
    @Override
    public String toString() { return "{encrypted}"; }
}
