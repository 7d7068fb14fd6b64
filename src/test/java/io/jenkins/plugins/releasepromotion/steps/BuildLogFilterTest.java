package io.jenkins.plugins.releasepromotion.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import io.jenkins.plugins.releasepromotion.config.Environment;
import io.jenkins.plugins.releasepromotion.config.ScriptDeploy;
import io.jenkins.plugins.releasepromotion.engine.port.Secrets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a deploy script prints reaches the build log with its escape sequences shown, never acted on. */
class BuildLogFilterTest extends ScenarioTest {
    // hudson.console.ConsoleNote, jenkins-2.541.3 lines 325-326: a console note starts with PREAMBLE_STR "ESC[8mha:"
    // and ends with POSTAMBLE_STR "ESC[0m"; ConsoleNote#removeNotes (lines 377-386), used by Run#getLog(int)
    // (Run.java line 2090), and PlainTextConsoleOutputStream#eol (lines 56-87), behind the plain-text log, cut what
    // lies between them. A script that printed the preamble could hide the lines after it from those readers.
    private static final String NOTE_PREAMBLE = "\u001b[8mha:";

    @Test
    void escapeSequencesFromADeployScriptAreShownInTheBuildLogNotActedOn() throws Exception {
        ScriptDeploy hostile = new ScriptDeploy(
                List.of(
                        "sh",
                        "-c",
                        "printf 'deploying\\033[2K\\033[1A\\r\\033[8mha:AAAA DROP TABLE accounts\\033[0m"
                                + " \\033]8;;https://evil.example/\\033\\\\ok\\033]8;;\\033\\\\ \\342\\200\\256txt\\n'; exit 3"));
        Environment staging = scenario.environments.get(0);
        Environment env = new Environment(staging.getName(), hostile);
        env.setKind(staging.getKind());
        env.setSlots(staging.getSlots());
        env.setChecks(List.of());
        scenario.environments.set(0, env);
        scenario.reconfigure();

        Scenario.Running running = scenario.start(PromoteTagStepTest.promote("v1.0.0", "staging", 1));
        assertThatThrownBy(running::await).isInstanceOf(AbortException.class);

        String log = running.log();
        assertThat(log)
                .contains("deploying\\u001b[2K\\u001b[1A\\u000d\\u001b[8mha:AAAA DROP TABLE accounts\\u001b[0m")
                .contains("https://evil.example/")
                .contains("\\u202etxt")
                .doesNotContain(NOTE_PREAMBLE, "\u001b", "\r", "\u202e");
    }

    @Test
    void anExpectedFailureIsOneFilteredLineOfTheLog() {
        // org.jenkinsci.plugins.workflow.job.WorkflowRun#finish (workflow-job): an AbortException's message is
        // written to the build log as it is, by listener.error(t.getMessage()).
        AbortException abort = ConsoleLog.abort("v1.2.3\u001b[2K\r\nfake line\u009b1A");
        assertThat(abort.getMessage())
                .isEqualTo(ConsoleLog.PREFIX + "v1.2.3\\u001b[2K\\u000d\\u000afake line\\u009b1A");
    }

    @Test
    void aSecretIsMaskedBeforeItsControlCharactersAreShown() {
        TestListener listener = new TestListener();
        String secret = "tok\u001ben-4711";
        new ConsoleLog(listener, Secrets.none().with(secret)).line("token " + secret + " sent");
        assertThat(listener.text()).isEqualTo(ConsoleLog.PREFIX + "token **** sent\n");
    }
}
