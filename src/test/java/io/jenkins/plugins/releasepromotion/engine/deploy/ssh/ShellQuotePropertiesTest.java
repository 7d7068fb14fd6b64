package io.jenkins.plugins.releasepromotion.engine.deploy.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** A real {@code /bin/sh} reads every quoted string back as exactly that string, byte for byte. */
class ShellQuotePropertiesTest {
    private static final int TRIES = 300;

    @Property(tries = TRIES)
    void theShellReadsAQuotedStringBackExactly(@ForAll("shellText") String text) throws Exception {
        byte[] printed = sh("printf '%s\\0' " + ShellQuote.quote(text));
        assertThat(printed).isEqualTo((text + "\0").getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = TRIES)
    void theShellSplitsAJoinedCommandBackIntoItsArguments(
            @ForAll @Size(max = 5) List<@net.jqwik.api.From("shellText") String> arguments) throws Exception {
        List<String> argv = new ArrayList<>(List.of("printf", "%s\\0"));
        argv.addAll(arguments);
        byte[] printed = sh(ShellQuote.join(argv));
        StringBuilder expected = new StringBuilder();
        arguments.forEach(argument -> expected.append(argument).append('\0'));
        if (arguments.isEmpty()) {
            expected.append('\0');
        }
        assertThat(printed).isEqualTo(expected.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Text that a shell would otherwise read its own way: quotes, expansions, operators, globs, whitespace, a leading
     * {@code -}, and any Unicode outside the surrogates (Java strings that are not text) and NUL (no argument holds it).
     */
    @Provide
    Arbitrary<String> shellText() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.of(
                        "'",
                        "\"",
                        "\\",
                        "$",
                        "$(",
                        ")",
                        "`",
                        ";",
                        "|",
                        "&",
                        "<",
                        ">",
                        "*",
                        "?",
                        "[",
                        "]",
                        "{",
                        "}",
                        "~",
                        "#",
                        "=",
                        "!",
                        "-",
                        "--",
                        "\n",
                        "\t",
                        " ",
                        "\r",
                        "'\\''",
                        "${IFS}",
                        "$((1+1))",
                        "%s",
                        "%",
                        "$'\\x27'",
                        "{tag}"),
                Arbitraries.strings().alpha().numeric().ofMaxLength(4),
                Arbitraries.strings()
                        .withCharRange('\u0001', '\uD7FF')
                        .withCharRange('\uE000', '\uFFFD')
                        .ofMaxLength(3));
        return pieces.list().ofMaxSize(8).map(list -> String.join("", list));
    }

    /**
     * Runs the script as {@code sh -c} would, but hands it over on standard input in UTF-8, as SSH hands over a command
     * line: a process's arguments are encoded as the JVM's locale says, which may be ASCII.
     */
    private static byte[] sh(String script) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("/bin/sh", "-s").start();
        try (var input = process.getOutputStream()) {
            input.write(script.getBytes(StandardCharsets.UTF_8));
        }
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("sh: %s: %s", script, err).isZero();
        return out;
    }
}
