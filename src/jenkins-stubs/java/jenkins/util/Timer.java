// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package jenkins.util;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
public class Timer {
    private static ScheduledExecutorService executorService;
    public static synchronized ScheduledExecutorService get() {
        if (executorService == null) {
            executorService = new ScheduledThreadPoolExecutor(2, r -> {
                Thread t = new Thread(r, "jenkins.util.Timer");
                t.setDaemon(true);
                return t;
            });
        }
        return executorService;
    }
}
