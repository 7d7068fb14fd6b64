package io.jenkins.plugins.releasepromotion.engine.deploy.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the values, a real shell running a rendered template sees each one as exactly one argument. */
class CommandTemplatePropertiesTest {
    private static final CommandTemplate TEMPLATE =
            CommandTemplate.parse("printf '%s\\0' {tag} \"$(printf '%s' {environment})\" x{commit}x {slot}");

    @Property(tries = 200)
    void renderedValuesReachTheShellAsData(
            @ForAll("values") String tag, @ForAll("values") String environment, @ForAll("values") String commit)
            throws Exception {
        String script = TEMPLATE.render(
                Map.of("tag", tag, "environment", environment, "commit", commit, "slot", "", "directory", "/"));

        Process process = new ProcessBuilder("/bin/sh", "-s").start();
        try (var input = process.getOutputStream()) {
            input.write(script.getBytes(StandardCharsets.UTF_8));
        }
        byte[] printed = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();

        // Command substitution drops trailing newlines; that is the shell's doing, not the quoting's.
        String expected = tag + "\0" + environment.replaceAll("\n+\\z", "") + "\0x" + commit + "x\0\0";
        assertThat(new String(printed, StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.oneOf(
                        Arbitraries.of(
                                "'", "\"", "\\", "$(id)", "`id`", ";", "|", "&&", "\n", " ", "*", "{tag}", "${HOME}",
                                "'\\''", "-n", "#", "~"),
                        Arbitraries.strings().withCharRange('\u0001', '\u007f').ofMaxLength(4),
                        Arbitraries.strings().withCharRange('\u00a0', '\u2fff').ofMaxLength(2))
                .list()
                .ofMaxSize(6)
                .map(list -> String.join("", list));
    }
}
