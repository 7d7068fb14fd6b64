// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package hudson.model;
import java.io.IOException;
public interface Saveable {
    void save() throws IOException;
}
