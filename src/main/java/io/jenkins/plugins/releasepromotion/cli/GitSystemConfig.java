package io.jenkins.plugins.releasepromotion.cli;

import java.io.File;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * Where the command finds git's system configuration: {@code $GIT_CONFIG_SYSTEM}, else {@code /etc/gitconfig}, as git
 * itself does, and nothing under {@code GIT_CONFIG_NOSYSTEM}. JGit would otherwise start {@code git} twice to ask where
 * that file is, which costs a command line a good part of its start-up.
 */
final class GitSystemConfig extends SystemReader.Delegate {
    static final String DEFAULT_FILE = "/etc/gitconfig";

    GitSystemConfig(SystemReader delegate) {
        super(delegate);
    }

    /** For this process; the Jenkins plugin keeps JGit's own way. */
    static void install() {
        SystemReader current = SystemReader.getInstance();
        if (!(current instanceof GitSystemConfig)) {
            SystemReader.setInstance(new GitSystemConfig(current));
        }
    }

    @Override
    public FileBasedConfig openSystemConfig(Config parent, FS fs) {
        String off = getenv("GIT_CONFIG_NOSYSTEM");
        String file = getenv("GIT_CONFIG_SYSTEM");
        if (off != null && !off.isEmpty() && !off.equals("0") && !off.equalsIgnoreCase("false")) {
            return new NoSystemConfig(parent, fs);
        }
        return new FileBasedConfig(parent, new File(file == null || file.isEmpty() ? DEFAULT_FILE : file), fs);
    }

    /** No system configuration at all, as {@code GIT_CONFIG_NOSYSTEM} asks. */
    private static final class NoSystemConfig extends FileBasedConfig {
        NoSystemConfig(Config parent, FS fs) {
            super(parent, null, fs);
        }

        @Override
        public void load() {
            // Nothing to read.
        }

        @Override
        public boolean isOutdated() {
            return false;
        }
    }
}
