package io.jenkins.plugins.releasepromotion.engine.deploy.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandTemplateTest {
    private static final Map<String, String> VALUES = Map.of(
            "tag", "v1.2.3",
            "slot", "2",
            "environment", "staging",
            "commit", "3f2c1ab",
            "directory", "/home/deploy/staging 2");

    @Test
    void eachPlaceholderBecomesOneQuotedWordAndTheRestStaysAsWritten() {
        CommandTemplate template = CommandTemplate.parse(
                "cd {directory} && ./deploy.sh --slot={slot} {tag} | tee -a \"deploy.log\" # done");

        assertThat(template.render(Map.of(
                        "tag", "v1.2.3; rm -rf /",
                        "slot", "2",
                        "environment", "staging",
                        "commit", "x",
                        "directory", "/home/deploy/staging 2")))
                .isEqualTo("cd '/home/deploy/staging 2' && ./deploy.sh --slot=2 'v1.2.3; rm -rf /' | tee -a"
                        + " \"deploy.log\" # done");
    }

    @Test
    void valuesAreFilledInOnePassAndNeverReadAgain() {
        CommandTemplate template = CommandTemplate.parse("echo {tag} {environment}");

        assertThat(template.render(Map.of("tag", "{environment}", "environment", "{tag}")))
                .isEqualTo("echo '{environment}' '{tag}'");
    }

    @Test
    void unknownBracesAreLeftToTheShell() {
        CommandTemplate template = CommandTemplate.parse("cp app.{yml,bak} && { echo {tag}; } && echo {version}");

        assertThat(template.render(VALUES)).isEqualTo("cp app.{yml,bak} && { echo v1.2.3; } && echo {version}");
    }

    @Test
    void placeholdersInsideCommandSubstitutionAreQuotedThere() {
        assertThat(CommandTemplate.parse("echo \"$(git rev-parse {tag})\" $(cat {directory}/x)")
                        .render(VALUES))
                .isEqualTo("echo \"$(git rev-parse v1.2.3)\" $(cat '/home/deploy/staging 2'/x)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '^',
            value = {
                "echo '{tag}'                     | inside '...'",
                "echo \"{tag}\"                   | inside \"...\"",
                "echo \"v=$(echo \"{tag}\")\"     | inside \"...\"",
                "echo `git log {tag}`             | inside `...`",
                "echo \"`git log {tag}`\"         | inside `...`",
                "echo $(( {slot} + 1 ))           | inside $((...))",
                "echo ${tag}                      | inside ${...}",
                "echo ${x:-{tag}}                 | inside ${...}",
                "echo $'{tag}'                    | inside $'...'",
                "echo \\{tag}                     | after a backslash",
                "echo ok # then {tag}             | in a comment",
                "cat <<EOF\\n{tag}\\nEOF          | after a here-document (<<)",
                "echo $(echo `{tag}`)             | inside `...`",
            })
    void aPlaceholderWhereTheShellWouldNotReadItAsOneWordIsRefused(String text, String where) {
        String template = text.strip().replace("\\n", "\n");
        assertThatThrownBy(() -> CommandTemplate.parse(template))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The command template puts {")
                .hasMessageContaining("} " + where.strip() + ", where the shell would not read its value as one word;");
    }

    @Test
    void theRefusalSaysHowToWriteIt() {
        assertThatThrownBy(() -> CommandTemplate.parse("git checkout \"{tag}\""))
                .hasMessage("The command template puts {tag} inside \"...\", where the shell would not read its value"
                        + " as one word; write {tag} as a word of its own, or use \"$RELEASE_TAG\" there.");
    }

    @Test
    void quotesThatCloseBeforeThePlaceholderDoNotCount() {
        assertThat(CommandTemplate.parse("echo 'it''s' \"a\\\"b\" `date` {tag} $((1+2)) ${HOME} {slot}")
                        .render(VALUES))
                .isEqualTo("echo 'it''s' \"a\\\"b\" `date` v1.2.3 $((1+2)) ${HOME} 2");
    }

    @Test
    void fillPutsValuesIntoAnArgumentVerbatim() {
        assertThat(CommandTemplate.fill("--target={environment}-{slot}@{tag}", VALUES))
                .isEqualTo("--target=staging-2@v1.2.3");
        assertThat(CommandTemplate.fill("{tag}", Map.of("tag", "a'b c"))).isEqualTo("a'b c");
        assertThat(CommandTemplate.fill("{other} {tag", VALUES)).isEqualTo("{other} {tag");
    }

    @Test
    void aPlaceholderWithoutAValueIsNamed() {
        assertThatThrownBy(() -> CommandTemplate.fill("{directory}", Map.of("tag", "v1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("No value for the placeholder {directory}; ");
    }
}
