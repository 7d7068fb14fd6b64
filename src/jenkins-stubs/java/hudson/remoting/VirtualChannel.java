// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package hudson.remoting;
import java.io.IOException;
public interface VirtualChannel {
    <V, T extends Throwable> V call(Callable<V, T> callable) throws IOException, T, InterruptedException;
    <T> T export(Class<T> type, T instance);
}
