package io.jenkins.plugins.releasepromotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** git's system configuration found as git finds it, without starting git. */
class GitSystemConfigTest {
    @TempDir
    Path dir;

    @Test
    void readsTheFileGitConfigSystemNames() throws Exception {
        Path file = dir.resolve("gitconfig");
        Files.writeString(file, "[core]\n\tabbrev = 9\n");
        FileBasedConfig config =
                reader(Map.of("GIT_CONFIG_SYSTEM", file.toString())).openSystemConfig(null, FS.DETECTED);
        config.load();
        assertThat(config.getFile()).isEqualTo(file.toFile());
        assertThat(config.getInt("core", "abbrev", 0)).isEqualTo(9);
    }

    @Test
    void defaultsToEtcGitconfigAndReadsNothingUnderNoSystem() throws Exception {
        assertThat(reader(Map.of()).openSystemConfig(null, FS.DETECTED).getFile())
                .hasToString(GitSystemConfig.DEFAULT_FILE);
        Path file = dir.resolve("gitconfig");
        Files.writeString(file, "[core]\n\tabbrev = 9\n");
        FileBasedConfig none = reader(Map.of("GIT_CONFIG_NOSYSTEM", "1", "GIT_CONFIG_SYSTEM", file.toString()))
                .openSystemConfig(null, FS.DETECTED);
        none.load();
        assertThat(none.getInt("core", "abbrev", 0)).isZero();
    }

    private static GitSystemConfig reader(Map<String, String> env) {
        return new GitSystemConfig(new SystemReader.Delegate(SystemReader.getInstance()) {
            @Override
            public String getenv(String variable) {
                return env.get(variable);
            }
        });
    }
}
