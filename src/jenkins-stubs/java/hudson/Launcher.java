// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package hudson;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
public abstract class Launcher {
    protected final TaskListener listener;
    protected final VirtualChannel channel;
    protected Launcher(TaskListener listener, VirtualChannel channel) { this.listener = listener; this.channel = channel; }
    protected Launcher(Launcher launcher) { this(launcher.listener, launcher.channel); }
    public VirtualChannel getChannel() { return channel; }
    public TaskListener getListener() { return listener; }
    public boolean isUnix() { return File.pathSeparatorChar == ':'; }
    public final class ProcStarter {
        protected List<String> commands;
        private boolean quiet;
        protected FilePath pwd;
        protected OutputStream stdout = OutputStream.nullOutputStream(), stderr;
        protected InputStream stdin = null;
        protected String[] envs = null;
        public ProcStarter cmds(String... args) { return cmds(Arrays.asList(args)); }
        public ProcStarter cmds(List<String> args) { commands = new ArrayList<>(args); return this; }
        public List<String> cmds() { return commands; }
        public ProcStarter quiet(boolean quiet) { this.quiet = quiet; return this; }
        public boolean quiet() { return quiet; }
        public ProcStarter pwd(FilePath workDir) { this.pwd = workDir; return this; }
        public ProcStarter pwd(File workDir) { return pwd(new FilePath(workDir)); }
        public ProcStarter pwd(String workDir) { return pwd(new File(workDir)); }
        public FilePath pwd() { return pwd; }
        public ProcStarter stdout(OutputStream out) { this.stdout = out; return this; }
        public OutputStream stdout() { return stdout; }
        public ProcStarter stderr(OutputStream err) { this.stderr = err; return this; }
        public OutputStream stderr() { return stderr; }
        public ProcStarter stdin(InputStream in) { this.stdin = in; return this; }
        public InputStream stdin() { return stdin; }
        public ProcStarter envs(Map<String, String> overrides) {
            List<String> env = new ArrayList<>();
            overrides.forEach((k, v) -> env.add(k + '=' + v));
            this.envs = env.toArray(new String[0]);
            return this;
        }
        public ProcStarter envs(String... overrides) {
            if (overrides != null) {
                for (String o : overrides) if (o.indexOf('=') == -1) throw new IllegalArgumentException(o);
            }
            this.envs = overrides;
            return this;
        }
        public String[] envs() { return envs != null ? envs.clone() : new String[0]; }
        public Proc start() throws IOException { return launch(this); }
        public int join() throws IOException, InterruptedException { return start().join(); }
    }
    public final ProcStarter launch() { return new ProcStarter(); }
    public abstract Proc launch(ProcStarter starter) throws IOException;
    public abstract void kill(Map<String, String> modelEnvVars) throws IOException, InterruptedException;
    /** As the real one: the overrides over this process's environment, expanded, and $VARs expanded in the argv. */
    public static class LocalLauncher extends Launcher {
        public LocalLauncher(TaskListener listener) { this(listener, null); }
        public LocalLauncher(TaskListener listener, VirtualChannel channel) { super(listener, channel); }
        @Override
        public Proc launch(ProcStarter ps) throws IOException {
            if (!ps.quiet()) {
                listener.getLogger().println("$ " + String.join(" ", ps.commands));
            }
            EnvVars overrides = new EnvVars();
            for (String e : ps.envs()) {
                int index = e.indexOf('=');
                overrides.put(e.substring(0, index), e.substring(index + 1));
            }
            EnvVars jobEnv = new EnvVars(EnvVars.masterEnvVars).overrideExpandingAll(overrides);
            String[] jobCmd = new String[ps.commands.size()];
            for (int idx = 0; idx < jobCmd.length; idx++) jobCmd[idx] = jobEnv.expand(ps.commands.get(idx));
            List<String> env = new ArrayList<>();
            jobEnv.forEach((k, v) -> env.add(k + '=' + v));
            return new Proc.LocalProc(jobCmd, env.toArray(new String[0]), ps.stdin, ps.stdout, ps.stderr,
                    ps.pwd == null ? null : new File(ps.pwd.getRemote()));
        }
        @Override
        public void kill(Map<String, String> modelEnvVars) {}
    }
    public static class DecoratedLauncher extends Launcher {
        private final Launcher inner;
        public DecoratedLauncher(Launcher inner) { super(inner); this.inner = inner; }
        @Override public Proc launch(ProcStarter starter) throws IOException { return inner.launch(starter); }
        @Override public void kill(Map<String, String> modelEnvVars) throws IOException, InterruptedException { inner.kill(modelEnvVars); }
        @Override public boolean isUnix() { return inner.isUnix(); }
        @Override public TaskListener getListener() { return inner.getListener(); }
        @Override public VirtualChannel getChannel() { return inner.getChannel(); }
        public Launcher getInner() { return inner; }
    }
}
