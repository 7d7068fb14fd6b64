package io.jenkins.plugins.releasepromotion.engine.deploy.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellQuoteTest {

    @Test
    void plainWordsStayAsTheyAreSoTheLogReadsLikeTypedCommands() {
        assertThat(ShellQuote.quote("v1.2.3")).isEqualTo("v1.2.3");
        assertThat(ShellQuote.quote("/home/deploy/production/job-search-project"))
                .isEqualTo("/home/deploy/production/job-search-project");
        assertThat(ShellQuote.quote("docker-compose.production.yml")).isEqualTo("docker-compose.production.yml");
        assertThat(ShellQuote.quote("--tail=200")).isEqualTo("'--tail=200'");
        assertThat(ShellQuote.quote("-f")).isEqualTo("-f");
    }

    @Test
    void everythingElseIsSingleQuotedWithQuotesWrittenAsQuoteBackslashQuoteQuote() {
        assertThat(ShellQuote.quote("")).isEqualTo("''");
        assertThat(ShellQuote.quote("a b")).isEqualTo("'a b'");
        assertThat(ShellQuote.quote("it's")).isEqualTo("'it'\\''s'");
        assertThat(ShellQuote.quote("'")).isEqualTo("''\\'''");
        assertThat(ShellQuote.quote("$(touch x)")).isEqualTo("'$(touch x)'");
        assertThat(ShellQuote.quote("`id`")).isEqualTo("'`id`'");
        assertThat(ShellQuote.quote("a\\b")).isEqualTo("'a\\b'");
        assertThat(ShellQuote.quote("line\nnext")).isEqualTo("'line\nnext'");
        assertThat(ShellQuote.quote("~deploy")).isEqualTo("'~deploy'");
        assertThat(ShellQuote.quote("*")).isEqualTo("'*'");
        assertThat(ShellQuote.quote("версия")).isEqualTo("'версия'");
    }

    /** {@code A=b cmd} would set a variable for {@code cmd} instead of running a program named {@code A=b}. */
    @Test
    void anEqualsSignIsQuotedSoAFirstWordIsNeverAnAssignment() {
        assertThat(ShellQuote.join(List.of("A=b", "env"))).isEqualTo("'A=b' env");
    }

    @Test
    void joinQuotesEachArgumentAndSeparatesThemWithSpaces() {
        assertThat(ShellQuote.join(List.of("git", "checkout", "--quiet", "v1.0.0; rm -rf /")))
                .isEqualTo("git checkout --quiet 'v1.0.0; rm -rf /'");
        assertThat(ShellQuote.join(List.of("printf", "%s\\n", ""))).isEqualTo("printf '%s\\n' ''");
    }

    @Test
    void aNulCharacterIsRefusedBecauseNoShellArgumentCanHoldIt() {
        assertThatThrownBy(() -> ShellQuote.quote("v1\0.0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'v1\\u0000.0' holds a NUL character, which no shell argument can hold; remove it.");
    }
}
