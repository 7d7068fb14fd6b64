package io.jenkins.plugins.releasepromotion.engine.config;

import static io.jenkins.plugins.releasepromotion.engine.config.ConfigTexts.STAGING;
import static io.jenkins.plugins.releasepromotion.engine.config.ConfigTexts.problemsOf;
import static io.jenkins.plugins.releasepromotion.engine.config.ConfigTexts.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlSafetyTest {

    @TempDir
    Path dir;

    @Test
    void refusesDuplicateKeys() {
        String yaml = "mainBranch: main\nmainBranch: develop\n"
                + STAGING.replace("kind: staging", "kind: staging\n    kind: other");

        assertThat(problemsOf(yaml))
                .containsExactly(
                        "mainBranch: duplicate field (again on line 2); each field may appear once",
                        "environments[0].kind: duplicate field (again on line 6); each field may appear once");
    }

    @Test
    void duplicateKeyIsReportedWithTheOtherProblems() {
        String yaml = STAGING.replace("kind: staging", "kind: staging\n    kind: production") + "    slots: 500\n";

        assertThat(problemsOf(yaml))
                .containsExactly(
                        "environments[0].kind: duplicate field (again on line 4); each field may appear once",
                        "environments[0].slots: 500 is out of range; use 0 to 100");
    }

    @Test
    void refusesAnchorsAndAliases() {
        String yaml = "defaults: &defaults {kind: staging}\nenvironments:\n  - name: staging\n    <<: *defaults\n";

        assertThat(problemsOf(yaml))
                .containsExactly("line 1: YAML anchors and aliases (&name, *name) are not supported; write each value"
                        + " out in full");
    }

    @Test
    void refusesAliasBombWithoutExpandingIt() {
        StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'z'; c++) {
            char p = (char) (c - 1);
            yaml.append(c)
                    .append(": &")
                    .append(c)
                    .append(" [*")
                    .append(p)
                    .append(", *")
                    .append(p)
                    .append(", *")
                    .append(p)
                    .append(", *")
                    .append(p)
                    .append("]\n");
        }

        assertThat(problemsOf(yaml.toString())).singleElement().asString().contains("anchors and aliases");
    }

    @Test
    void refusesAHugeDocument() {
        String yaml = STAGING + "# " + "x".repeat(ConfigLoader.MAX_DOCUMENT_CHARS) + "\n";

        ConfigException e = refusal(yaml);

        assertThat(e.getMessage())
                .isEqualTo("1 problem in test.yaml: the document is " + yaml.length() + " characters, more than the"
                        + " limit of 1048576 (1 MiB); a configuration needs a few kilobytes");
    }

    @Test
    void refusesAHugeFileBeforeReadingIt() throws IOException {
        Path file = dir.resolve("huge.yaml");
        Files.writeString(file, STAGING + "# " + "x".repeat(ConfigLoader.MAX_DOCUMENT_CHARS));

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file));

        assertThat(e.problems())
                .singleElement()
                .asString()
                .startsWith("the document is " + Files.size(file) + " bytes");
        assertThat(e.source()).isEqualTo(file.toString());
    }

    @Test
    void refusesDeepNesting() {
        String yaml = "environments: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";

        assertThat(problemsOf(yaml))
                .singleElement()
                .asString()
                .isEqualTo("line 1: nested deeper than 32 levels; a configuration needs fewer than ten");
    }

    @Test
    void topLevelMustBeAMapping() {
        assertThat(problemsOf("- name: staging\n"))
                .containsExactly("the top level must be a mapping with the fields tagPattern, mainBranch, changelog and"
                        + " environments, not a list");
        assertThat(problemsOf("staging\n"))
                .containsExactly("the top level must be a mapping with the fields tagPattern, mainBranch, changelog and"
                        + " environments, not a single value");
    }

    @Test
    void refusesAnEmptyDocument() {
        assertThat(problemsOf("# nothing yet\n"))
                .containsExactly("the document is empty; define at least the environments");
    }

    @Test
    void refusesASecondDocument() {
        assertThat(problemsOf(STAGING + "---\n" + STAGING))
                .containsExactly("it holds more than one YAML document (---); keep the configuration in one");
    }

    @Test
    void syntaxErrorNamesLineAndColumn() {
        assertThat(problemsOf("environments:\n  - name: staging\n   kind: [staging\n"))
                .singleElement()
                .asString()
                .matches("line \\d+, column \\d+: .+; fix the YAML syntax");
    }

    @Test
    void refusesAMappingWhereAListBelongs() {
        assertThat(problemsOf("environments: {name: staging}\n"))
                .containsExactly("environments: expected a list, got a mapping");
        assertThat(problemsOf("environments: [staging]\n"))
                .containsExactly("environments[0]: expected a mapping, got 'staging'");
    }

    @Test
    void missingFileIsOneLineNamingThePath() {
        Path missing = dir.resolve("release-promotion.yaml");

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(missing));

        assertThat(e.getMessage())
                .isEqualTo("1 problem in " + missing + ": the file does not exist; check the path or create it");
    }

    @Test
    void refusesADirectory() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(dir));

        assertThat(e.getMessage())
                .isEqualTo("1 problem in " + dir + ": is a directory; give the path of the YAML file");
    }

    @Test
    void refusesAFileThatIsNotUtf8() throws IOException {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, (STAGING + "# caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1));

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file));

        assertThat(e.problems()).containsExactly("the file is not UTF-8 text; save it as UTF-8");
    }

    @Test
    void loadsAFile() throws IOException {
        Path file = dir.resolve("release-promotion.yaml");
        Files.writeString(file, STAGING);

        assertThat(ConfigLoader.load(file).environments()).hasSize(1);
    }
}
