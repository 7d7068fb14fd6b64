package io.jenkins.plugins.releasepromotion.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EngineIsJenkinsFreeTest {

    private static final Path ENGINE = Path.of("src/main/java/io/jenkins/plugins/releasepromotion/engine");
    private static final Pattern FORBIDDEN = Pattern.compile(
            "^\\s*import\\s+(static\\s+)?(hudson\\.|jenkins\\.|org\\.jenkinsci\\.|org\\.kohsuke\\.|com\\.cloudbees\\.)",
            Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile(
            "(?<![\\w.])(hudson|jenkins|org\\.jenkinsci|org\\.kohsuke|com\\.cloudbees)\\.[a-z]+\\.[A-Za-z]");

    @Test
    void noEngineClassImportsJenkins() throws IOException {
        List<String> offenders = new ArrayList<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(ENGINE)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(sources).as("engine sources").hasSizeGreaterThan(5);
        for (Path source : sources) {
            String text = Files.readString(source, StandardCharsets.UTF_8);
            Matcher m = FORBIDDEN.matcher(text);
            while (m.find()) {
                offenders.add(source + ": " + m.group().trim());
            }
            String code = text.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
            Matcher q = QUALIFIED.matcher(code.replaceAll("\"[^\"\n]*\"", "\"\""));
            while (q.find()) {
                offenders.add(source + ": qualified use of " + q.group());
            }
        }
        assertThat(offenders).as("Jenkins references in the engine").isEmpty();
    }

    @Test
    void theCheckSeesAForbiddenImport() {
        assertThat(FORBIDDEN.matcher("package x;\nimport hudson.model.Run;\n").find())
                .isTrue();
        assertThat(FORBIDDEN.matcher("import static jenkins.model.Jenkins.get;").find())
                .isTrue();
        assertThat(FORBIDDEN.matcher("import java.util.List;").find()).isFalse();
        assertThat(QUALIFIED.matcher("hudson.model.Run r;").find()).isTrue();
        assertThat(QUALIFIED
                        .matcher("package io.jenkins.plugins.releasepromotion.engine;")
                        .find())
                .isFalse();
    }
}
