// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package hudson.model;
import java.io.PrintStream;
import java.io.Serializable;
public interface TaskListener extends Serializable {
    PrintStream getLogger();
}
