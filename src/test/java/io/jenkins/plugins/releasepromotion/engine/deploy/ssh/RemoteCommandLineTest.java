package io.jenkins.plugins.releasepromotion.engine.deploy.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.releasepromotion.engine.port.Command;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RemoteCommandLineTest {
    private static final String SUPERVISED =
            "exec sh -c " + ShellQuote.quote(RemoteCommandLine.SUPERVISOR) + " release-promotion ";

    @Test
    void aBareCommandRunsUnderTheSupervisorWhereTheLoginStarts() {
        Command command =
                new Command(List.of("./scripts/backup-db.sh", "--all"), null, Map.of(), Duration.ofMinutes(1));

        assertThat(RemoteCommandLine.of(command)).isEqualTo(SUPERVISED + "./scripts/backup-db.sh --all");
    }

    @Test
    void theDirectoryAndTheVariablesComeFirstInAFixedOrder() {
        Command command = new Command(
                List.of("printenv"), "/srv/app dir", Map.of("B_VAR", "two words", "A_VAR", "1"), Duration.ofMinutes(1));

        assertThat(RemoteCommandLine.of(command))
                .isEqualTo("cd '/srv/app dir' && exec env 'A_VAR=1' 'B_VAR=two words' sh -c "
                        + ShellQuote.quote(RemoteCommandLine.SUPERVISOR) + " release-promotion printenv");
    }

    @Test
    void aVariableNameEnvWouldMisreadIsRefused() {
        Command command = new Command(List.of("true"), null, Map.of("BAD=NAME", "x"), Duration.ofMinutes(1));

        assertThatThrownBy(() -> RemoteCommandLine.of(command))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'BAD=NAME' is not an environment variable name; use letters, digits and _, not starting"
                        + " with a digit.");
    }
}
