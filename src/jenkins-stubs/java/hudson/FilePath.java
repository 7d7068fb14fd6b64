// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package hudson;
import hudson.remoting.Callable;
import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import org.jenkinsci.remoting.RoleChecker;
import org.jenkinsci.remoting.RoleSensitive;
public final class FilePath implements Serializable {
    private static final long serialVersionUID = 1L;
    private final transient VirtualChannel channel;
    private final String remote;
    public FilePath(VirtualChannel channel, String remote) { this.channel = channel; this.remote = remote; }
    public FilePath(File localPath) { this((VirtualChannel) null, localPath.getPath()); }
    public FilePath(FilePath base, String rel) {
        this.channel = base.channel;
        this.remote = new File(rel).isAbsolute() ? rel : new File(base.remote, rel).toPath().normalize().toString();
    }
    public String getRemote() { return remote; }
    public VirtualChannel getChannel() { return channel; }
    public boolean isRemote() { return channel != null; }
    public <T> T act(final FileCallable<T> callable) throws IOException, InterruptedException {
        if (channel == null) {
            return callable.invoke(new File(remote), null);
        }
        return channel.call(new Wrapper<T>(callable, remote));
    }
    public interface FileCallable<T> extends Serializable, RoleSensitive {
        T invoke(File f, VirtualChannel channel) throws IOException, InterruptedException;
    }
    private static final class Wrapper<T> implements Callable<T, IOException> {
        private static final long serialVersionUID = 1L;
        private final FileCallable<T> callable;
        private final String remote;
        Wrapper(FileCallable<T> callable, String remote) { this.callable = callable; this.remote = remote; }
        @Override
        public T call() throws IOException {
            try {
                return callable.invoke(new File(remote), null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        @Override
        public void checkRoles(RoleChecker checker) {}
    }
}
