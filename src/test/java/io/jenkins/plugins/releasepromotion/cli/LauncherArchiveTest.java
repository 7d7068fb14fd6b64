package io.jenkins.plugins.releasepromotion.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/release-promotion} maps a class-data archive only from a folder that is the user's own with mode 0700:
 * a planted folder (open to others, a symbolic link, another user's) or no per-user folder at all means no archive,
 * and nothing that hides what the JVM says about one. The launcher runs for real; the {@code java} it starts is a
 * script that records its arguments, and writes an archive where it is asked to, as the JVM does.
 */
class LauncherArchiveTest {
    private static final Path LAUNCHER = Path.of("bin", "release-promotion").toAbsolutePath();

    @TempDir
    Path dir;

    private Path recorded;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void fakeJava() throws IOException {
        Path jar = Files.writeString(dir.resolve("release-promotion-cli.jar"), "not really a jar");
        Path bin = Files.createDirectories(dir.resolve("jdk/bin"));
        recorded = dir.resolve("java-arguments");
        Path java = Files.writeString(
                bin.resolve("java"),
                """
                #!/bin/sh
                printf '%s\\n' "$@" > "$JAVA_ARGUMENTS"
                for argument; do
                    case $argument in
                        -XX:ArchiveClassesAtExit=*) printf 'archive' > "${argument#-XX:ArchiveClassesAtExit=}" ;;
                    esac
                done
                """);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("JAVA_HOME", dir.resolve("jdk").toString());
        env.put("RELEASE_PROMOTION_JAR", jar.toString());
        env.put("JAVA_ARGUMENTS", recorded.toString());
    }

    @Test
    void makesThenUsesAnArchiveInAPrivateFolderItCreates() throws Exception {
        env.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        Path folder = dir.resolve("cache/release-promotion");

        List<String> first = launch();
        List<String> second = launch();

        assertThat(first).anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit=" + folder + "/cli-"));
        assertThat(mode(folder)).isEqualTo("rwx------");
        assertThat(second)
                .anyMatch(a -> a.startsWith("-XX:SharedArchiveFile=" + folder + "/cli-"))
                .contains("-Xlog:cds=off");
    }

    @Test
    void closesItsOwnCacheFolderThatOnlyItsOwnerMayWriteAndUsesIt() throws Exception {
        env.put("HOME", dir.toString());
        Path folder = Files.createDirectories(dir.resolve(".cache/release-promotion"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(launch()).anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit=" + folder + "/cli-"));
        assertThat(mode(folder)).isEqualTo("rwx------");
    }

    @Test
    void neverUsesAnArchivePlantedInAFolderOthersMayWrite() throws Exception {
        env.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        Path folder = dir.resolve("cache/release-promotion");
        launch();
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
        List<String> archives = archives(folder);

        assertThat(launch()).noneMatch(LauncherArchiveTest::archiveOption).doesNotContain("-Xlog:cds=off");
        assertThat(archives(folder)).isEqualTo(archives).isNotEmpty();
        assertThat(mode(folder)).isEqualTo("rwxrwxrwx");
    }

    @Test
    void neverUsesAnArchiveFolderThatIsALink() throws Exception {
        env.put("XDG_CACHE_HOME", dir.resolve("planted").toString());
        Path elsewhere = dir.resolve("elsewhere/release-promotion");
        env.put("HOME", dir.resolve("elsewhere-home").toString());
        Files.createDirectories(elsewhere.getParent());
        Files.createDirectory(
                elsewhere, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.writeString(elsewhere.resolve("cli-1.jsa"), "planted");
        Files.createDirectories(dir.resolve("planted"));
        Files.createSymbolicLink(dir.resolve("planted/release-promotion"), elsewhere);

        assertThat(launch()).noneMatch(LauncherArchiveTest::archiveOption).doesNotContain("-Xlog:cds=off");
        assertThat(archives(elsewhere)).containsExactly("cli-1.jsa");
    }

    @Test
    void neverUsesAnArchiveFolderOfAnotherUser() throws Exception {
        env.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        Path folder = dir.resolve("cache/release-promotion");
        launch();
        try {
            Files.setAttribute(folder, "unix:uid", 54321, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            assumeTrue(false, "only a superuser can give a folder to another user: " + e.getMessage());
        }

        assertThat(launch()).noneMatch(LauncherArchiveTest::archiveOption).doesNotContain("-Xlog:cds=off");
    }

    @Test
    void runsWithoutAnArchiveWhenThereIsNoPerUserFolder() throws Exception {
        assertThat(launch())
                .noneMatch(LauncherArchiveTest::archiveOption)
                .doesNotContain("-Xlog:cds=off")
                .contains("-jar", "--version");
    }

    private List<String> launch() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", LAUNCHER.toString(), "--version")
                .directory(dir.toFile())
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return Files.readAllLines(recorded);
    }

    private static boolean archiveOption(String argument) {
        return argument.startsWith("-XX:SharedArchiveFile") || argument.startsWith("-XX:ArchiveClassesAtExit");
    }

    private static List<String> archives(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }
}
