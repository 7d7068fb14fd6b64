package io.jenkins.plugins.releasepromotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code config init}: a starter configuration for the repository it runs in, valid once its blanks are filled. */
class ConfigInitTest {
    private static final Pattern BLANK = Pattern.compile("\"<fill in: ([^>]*)>\"");
    // What a person writes in each blank, by the start of its hint.
    private static final Map<String, String> ANSWERS = Map.of(
            "the staging URL", "http://127.0.0.1:808{slot}",
            "your deploy script", "./deploy.sh",
            "the production URL", "https://app.example.com",
            "the production host name", "app.example.com",
            "the line ssh-keyscan prints",
                    "app.example.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKp9j3i7nMXihaMSB7M0vRDBhqqWVF7Vq9ivEdE/ZoQB",
            "the project folder on the host", "/home/deploy/app",
            "your user name", "alice");

    @TempDir
    Path dir;

    private CliRepo repo;
    private Path file;

    @BeforeEach
    void setUp() throws Exception {
        repo = CliRepo.create(dir.resolve("repo"));
        file = repo.dir.resolve("release-promotion.yaml");
    }

    @Test
    void writesAStarterThatValidatesOnceFilledIn() throws Exception {
        assertThat(repo.run("config", "init")).as(repo.err()).isZero();
        assertThat(repo.out()).startsWith("Wrote " + file + ".");
        String starter = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(starter)
                .contains("mainBranch: main")
                .contains("changelog: CHANGELOG.md")
                .contains("tags found: 1, the newest v1.0.0")
                .contains("slots: 2")
                .contains("ssh:")
                .contains("# ");

        assertThat(repo.run("config", "validate")).isEqualTo(ExitCode.USAGE_OR_CONFIGURATION);
        assertThat(repo.err())
                .startsWith("release-promotion: 7 problems in " + file + ":\n")
                .contains("release-promotion: line ")
                .contains("<fill in: the production host name> is still to be filled in");

        Files.writeString(file, fill(starter), StandardCharsets.UTF_8);
        assertThat(repo.run("config", "validate"))
                .as(repo.err() + fill(starter))
                .isZero();
        assertThat(repo.out())
                .isEqualTo("The configuration " + file + " is valid: 2 environments (staging: 2 slots, script,"
                        + " production: ssh).\n");
    }

    @Test
    void refusesToOverwriteAConfigurationWithoutForce() throws Exception {
        Files.writeString(file, "environments: []\n", StandardCharsets.UTF_8);
        assertThat(repo.run("config", "init")).isEqualTo(ExitCode.USAGE_OR_CONFIGURATION);
        assertThat(repo.err())
                .contains(file + " already exists")
                .contains("--force")
                .hasLineCount(1);
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("environments: []\n");

        assertThat(repo.run("config", "init", "--force")).as(repo.err()).isZero();
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("<fill in:");
    }

    @Test
    void findsAMasterBranchAndNoChangelog() throws Exception {
        Path other = dir.resolve("other");
        try (var r = io.jenkins.plugins.releasepromotion.engine.git.TestRepo.init(other)) {
            r.write("README.md", "hello\n");
            r.commit("First");
            r.git().branchRename().setOldName("main").setNewName("master").call();
        }
        assertThat(repo.run("config", "init", "--repo", other.toString()))
                .as(repo.err())
                .isZero();
        assertThat(Files.readString(other.resolve("release-promotion.yaml"), StandardCharsets.UTF_8))
                .contains("mainBranch: master")
                .contains("none found yet")
                .contains("tags found: none yet");
    }

    private static String fill(String starter) {
        Matcher m = BLANK.matcher(starter);
        StringBuilder filled = new StringBuilder();
        while (m.find()) {
            String hint = m.group(1);
            if (hint.equals("...")) {
                continue; // the comment at the top that names the blanks
            }
            String answer = ANSWERS.entrySet().stream()
                    .filter(e -> hint.startsWith(e.getKey()))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no answer for the blank " + hint));
            m.appendReplacement(filled, Matcher.quoteReplacement("\"" + answer + "\""));
        }
        return m.appendTail(filled).toString();
    }
}
