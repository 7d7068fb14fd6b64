// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package hudson;
import hudson.model.TaskListener;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
public abstract class Proc {
    protected Proc() {}
    public abstract boolean isAlive() throws IOException, InterruptedException;
    public abstract void kill() throws IOException, InterruptedException;
    public abstract int join() throws IOException, InterruptedException;
    public abstract InputStream getStdout();
    public abstract InputStream getStderr();
    public abstract OutputStream getStdin();
    public final int joinWithTimeout(final long timeout, final TimeUnit unit, final TaskListener listener)
            throws IOException, InterruptedException {
        final CountDownLatch latch = new CountDownLatch(1);
        Thread watch = new Thread(() -> {
            try {
                if (!latch.await(timeout, unit)) {
                    listener.getLogger().println("ERROR: Timeout after " + timeout + " " + unit.toString().toLowerCase());
                    kill();
                }
            } catch (InterruptedException | IOException | RuntimeException x) {
                listener.getLogger().println("ERROR: Failed to join a process");
            }
        }, "Proc.executor");
        watch.setDaemon(true);
        watch.start();
        try {
            return join();
        } finally {
            latch.countDown();
        }
    }
    /** As the real one: stderr joins stdout unless given, no stdin unless given, killed with its tree on interrupt. */
    public static final class LocalProc extends Proc {
        private final Process proc;
        private final Thread copier;
        public LocalProc(String[] cmd, String[] env, InputStream in, OutputStream out, OutputStream err, File workDir)
                throws IOException {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir);
            if (env != null) {
                Map<String, String> m = pb.environment();
                m.clear();
                for (String e : env) {
                    int idx = e.indexOf('=');
                    m.put(e.substring(0, idx), e.substring(idx + 1));
                }
            }
            if (err == null) pb.redirectErrorStream(true);
            if (workDir != null && !workDir.exists()) {
                throw new IOException(String.format(
                        "Process working directory '%s' doesn't exist!", workDir.getAbsolutePath()));
            }
            this.proc = pb.start();
            this.copier = copy(proc.getInputStream(), out == null ? OutputStream.nullOutputStream() : out);
            if (err != null) copy(proc.getErrorStream(), err);
            if (in == null) {
                proc.getOutputStream().close();
            } else {
                Thread feed = new Thread(() -> {
                    try (OutputStream to = proc.getOutputStream()) {
                        in.transferTo(to);
                    } catch (IOException e) {
                        // the process went away
                    }
                });
                feed.setDaemon(true);
                feed.start();
            }
        }
        private static Thread copy(InputStream from, OutputStream to) {
            Thread t = new Thread(() -> {
                try {
                    byte[] buf = new byte[8192];
                    for (int n = from.read(buf); n != -1; n = from.read(buf)) {
                        to.write(buf, 0, n);
                        to.flush();
                    }
                } catch (IOException e) {
                    // closed
                }
            });
            t.setDaemon(true);
            t.start();
            return t;
        }
        @Override public InputStream getStdout() { return null; }
        @Override public InputStream getStderr() { return null; }
        @Override public OutputStream getStdin() { return null; }
        @Override
        public int join() throws InterruptedException, IOException {
            try {
                int r = proc.waitFor();
                copier.join(TimeUnit.SECONDS.toMillis(10));
                return r;
            } catch (InterruptedException e) {
                destroy();
                throw e;
            }
        }
        @Override
        public boolean isAlive() {
            return proc.isAlive();
        }
        @Override
        public void kill() throws InterruptedException, IOException {
            destroy();
            join();
        }
        /** The real one kills the process tree (ProcessTree.killAll): descendants while they still hang together. */
        private void destroy() {
            for (int round = 0; round < 5; round++) {
                List<ProcessHandle> children = proc.descendants().toList();
                if (children.isEmpty()) break;
                children.forEach(ProcessHandle::destroyForcibly);
            }
            proc.destroyForcibly();
        }
    }
}
