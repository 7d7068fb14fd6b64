package io.jenkins.plugins.releasepromotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.releasepromotion.cli.demo.DemoSandbox;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every operation command in-process, in the order a release goes, on the demo's sandbox: real git, the sample app
 * started by the deploy scripts, production over SSH with a pinned host key, a ledger on disk. Every --json output is
 * checked against its schema.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommandsTest {
    private Path dir;
    private DemoSandbox sandbox;
    private String password;
    private StringWriter out;
    private StringWriter err;

    @BeforeAll
    void sandbox(@TempDir Path temporary) throws Exception {
        dir = temporary;
        sandbox = DemoSandbox.create(dir.resolve("sandbox"));
        password = Files.readString(sandbox.root().resolve("secrets/demo-user.password"), StandardCharsets.UTF_8);
    }

    @AfterAll
    void stop() {
        sandbox.close();
        assertThat(sandbox.runningApps()).isEmpty();
    }

    @Test
    @Order(1)
    void statusBeforeAnyDeploymentShowsNothingDeployed() {
        assertThat(run("status")).isZero();
        assertThat(out.toString()).contains("ENVIRONMENT  SLOT TAG").contains("nothing deployed");
        JsonNode rows = json("status", run("status", "--json"));
        assertThat(rows).hasSize(3);
        rows.forEach(row -> assertThat(row.get("tag").isNull()).isTrue());
    }

    @Test
    @Order(2)
    void productionRefusesATagStagingNeverVerified() {
        JsonNode decision = json("check", run("check", "v1.1.0", "--env", "production", "--json"));
        assertThat(decision.get("allowed").asBoolean()).isFalse();
        assertThat(decision.get("violations").get(0).get("code").asText()).isEqualTo("NOT_STAGED");
        assertThat(run("check", "v1.1.0", "--env", "production")).isEqualTo(ExitCode.GATE_REFUSED);
    }

    @Test
    @Order(3)
    void promotesToAStagingSlotAndVerifiesIt() {
        int code = run("promote", "v1.1.0", "--env", "staging", "--slot", "1", "--actor", "ci", "--json");
        JsonNode result = json("promote", code);
        assertThat(code).as(err.toString()).isZero();
        assertThat(result.get("outcome").asText()).isEqualTo("SUCCEEDED");
        assertThat(result.at("/verification/report/passed").asBoolean()).isTrue();
        assertThat(err.toString()).contains("[verify] key-user-flows passed on staging slot 1");
        assertThat(out + err.toString()).doesNotContain(password);
    }

    @Test
    @Order(4)
    void verifiesASlotAndWritesTheReport() throws Exception {
        Path report = dir.resolve("reports/staging-1.json");
        int code = run("verify", "--env", "staging", "--slot", "1", "--json", "--report", report.toString());
        JsonNode result = json("verify", code);
        assertThat(code).isZero();
        assertThat(result.get("tag").asText()).isEqualTo("v1.1.0");
        assertThat(Files.readString(report)).contains("\"passed\":true").doesNotContain(password);
    }

    @Test
    @Order(5)
    void withoutATerminalOrAnApproverTheApprovalIsRejectedAndRecorded() {
        int code = run("promote", "v1.1.0", "--env", "production", "--actor", "ci");
        assertThat(code).isEqualTo(ExitCode.REJECTED);
        assertThat(out.toString())
                .contains("REJECTED v1.1.0 to production: not approved (no terminal to ask on and no --approved-by"
                        + " given); nothing was deployed.");
        JsonNode history = json("history", run("history", "--env", "production", "--json"));
        assertThat(history.get(0).get("kind").asText()).isEqualTo("APPROVAL");
        assertThat(history.get(0).get("outcome").asText()).isEqualTo("REJECTED");
        assertThat(sandbox.runningApps()).doesNotContainKey("production-host/job-search-project");
    }

    @Test
    @Order(6)
    void anAnswerOtherThanYesRejects() {
        StringWriter screen = new StringWriter();
        int code = run(terminal("alice\nno thanks\n", screen), "promote", "v1.1.0", "--env", "production", "--json");
        JsonNode result = json("promote", code);
        assertThat(code).isEqualTo(ExitCode.REJECTED);
        assertThat(result.get("approvedBy").asText()).isEqualTo("alice");
        assertThat(result.get("message").asText()).isEqualTo("rejected at the prompt");
    }

    @Test
    @Order(7)
    void theStarterCannotApproveTheirOwnPromotion() {
        StringWriter screen = new StringWriter();
        int prompted = run(terminal("alice\n", screen), "promote", "v1.1.0", "--env", "production", "--actor", "alice");
        assertThat(prompted).isEqualTo(ExitCode.REJECTED);
        assertThat(screen.toString()).contains("alice started this promotion and may not approve it too");
        assertThat(out.toString())
                .contains("Run it again and answer the prompt, or give --approved-by NAME.")
                .doesNotContain("run it on a terminal");

        int code = run("promote", "v1.1.0", "--env", "production", "--actor", "alice", "--approved-by", "alice");
        assertThat(code).isEqualTo(ExitCode.GATE_REFUSED);
        assertThat(out.toString()).contains("alice started this promotion and may not approve it too");
    }

    @Test
    @Order(8)
    void thePromptShowsTheEvidenceAndAYesPromotes() {
        StringWriter screen = new StringWriter();
        int code = run(
                terminal("alice\nyes\n", screen),
                "promote",
                "v1.1.0",
                "--env",
                "production",
                "--actor",
                "ci",
                "--json");
        JsonNode result = json("promote", code);
        assertThat(code).as(err.toString()).isZero();
        assertThat(result.get("approvedBy").asText()).isEqualTo("alice");
        assertThat(screen.toString())
                .contains("Approval needed: v1.1.0 to production")
                .contains("Verified on staging slot 1")
                .contains("- Campaigns page")
                .contains("[x] Staging verification complete")
                .contains("Rollback plan for production: none, this is the first deployment there.")
                .contains("Type yes to promote v1.1.0 to production: ");
        assertThat(err.toString()).contains("Logged in to deploy@127.0.0.1").contains("Bake window passed");
    }

    @Test
    @Order(9)
    void statusShowsTheLedgerAndTheLiveVersionAgree() {
        assertThat(run("status", "--env", "production")).isZero();
        assertThat(out.toString()).containsPattern("production +- +v1\\.1\\.0 +[0-9a-f]{7} .* ok +agree");
    }

    @Test
    @Order(10)
    void aHotfixGoesThroughAndARollbackReturnsToThePreviousGoodTag() {
        assertThat(run("promote", "v1.1.1", "--env", "staging", "--slot", "1"))
                .as(err.toString())
                .isZero();
        assertThat(run("promote", "v1.1.1", "--env", "production", "--approved-by", "alice"))
                .as(err.toString())
                .isZero();
        int code = run("rollback", "--env", "production", "--reason", "checking the rollback", "--json");
        JsonNode result = json("rollback", code);
        assertThat(code).as(err.toString()).isZero();
        assertThat(result.get("tag").asText()).isEqualTo("v1.1.0");
        assertThat(result.get("fromTag").asText()).isEqualTo("v1.1.1");
        JsonNode history = json("history", run("history", "--env", "production", "--json", "--limit", "2"));
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("kind").asText()).isEqualTo("ROLLBACK");
        assertThat(history.get(0).get("reason").asText()).isEqualTo("checking the rollback");
    }

    @Test
    @Order(11)
    void aMissingCredentialIsOneLineNamingTheVariable() {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine line = ReleasePromotionCommand.commandLine(Terminal.none(), Map.of());
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        int code = line.execute(args("promote", "v1.1.1", "--env", "production", "--approved-by", "alice"));
        assertThat(code).isEqualTo(ExitCode.USAGE_OR_CONFIGURATION);
        assertThat(err.toString()).doesNotContain("\tat ");
        assertThat(err.toString().strip().lines().reduce((a, b) -> b).orElseThrow())
                .isEqualTo("release-promotion: No credentials with ID 'production-deploy-key' found: the SSH private"
                        + " key needs RELEASE_PROMOTION_PRODUCTION_DEPLOY_KEY_KEY (or"
                        + " RELEASE_PROMOTION_PRODUCTION_DEPLOY_KEY_KEY_FILE naming a file) in the environment.");
        JsonNode history = json("history", run("history", "--env", "production", "--json", "--limit", "1"));
        assertThat(history.get(0).get("outcome").asText()).isEqualTo("DEPLOY_FAILED");
    }

    @Test
    @Order(12)
    void anUnknownEnvironmentIsOneLine() {
        assertThat(run("verify", "--env", "prod")).isEqualTo(ExitCode.USAGE_OR_CONFIGURATION);
        assertThat(err.toString().strip())
                .isEqualTo("release-promotion: Environment 'prod' is not configured; use one of: staging,"
                        + " production.");
    }

    @Test
    @Order(13)
    void verifiesEverySlotAtOnceAndNamesASlotWithNothingToVerify() {
        int code = run("verify", "--env", "staging", "--all-slots", "--json");
        JsonNode result = json("verify-all-slots", code);
        assertThat(code).as(err.toString()).isEqualTo(ExitCode.VERIFICATION_FAILED);
        assertThat(result.get("outcome").asText()).isEqualTo("VERIFY_FAILED");
        assertThat(result.at("/slots/0/outcome").asText()).isEqualTo("SUCCEEDED");
        assertThat(result.at("/slots/0/tag").asText()).isEqualTo("v1.1.1");
        assertThat(result.at("/slots/1/verified").asBoolean()).isFalse();
        assertThat(result.at("/failed/0").asInt()).isEqualTo(2);

        assertThat(run("promote", "v1.1.1", "--env", "staging", "--slot", "2"))
                .as(err.toString())
                .isZero();
        assertThat(run("verify", "--env", "staging", "--all-slots", "--parallel", "2"))
                .as(err.toString())
                .isZero();
        assertThat(out.toString().lines()).hasSize(3).element(2).isEqualTo("PASSED all 2 slots of staging");
        assertThat(out.toString()).contains("PASSED v1.1.1 on staging slot 2: ");
        assertThat(err.toString()).contains("[slot 2] [verify] key-user-flows passed on staging slot 2");
        assertThat(out + err.toString()).doesNotContain(password);
    }

    @Test
    @Order(14)
    void allSlotsMisusedIsOneLine() {
        assertThat(run("verify", "--env", "staging", "--slot", "1", "--all-slots"))
                .isEqualTo(ExitCode.USAGE_OR_CONFIGURATION);
        assertThat(err.toString().strip())
                .isEqualTo("release-promotion: --slot 1 and --all-slots exclude each other; give --slot N to verify one"
                        + " slot, or --all-slots to verify every slot.");
        assertThat(run("verify", "--env", "staging", "--slot", "1", "--parallel", "4"))
                .isEqualTo(ExitCode.USAGE_OR_CONFIGURATION);
        assertThat(err.toString().strip())
                .isEqualTo("release-promotion: --parallel 4 applies to --all-slots only; add --all-slots, or leave"
                        + " --parallel out.");
        assertThat(run("verify", "--env", "production", "--all-slots")).isEqualTo(ExitCode.USAGE_OR_CONFIGURATION);
        assertThat(err.toString().strip())
                .isEqualTo("release-promotion: production has no slots to verify at once; verify it on its own,"
                        + " without slots.");
    }

    private Terminal terminal(String answers, StringWriter screen) {
        return Terminal.of(new StringReader(answers), screen);
    }

    private int run(String... args) {
        return run(Terminal.none(), args);
    }

    private int run(Terminal terminal, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine line = ReleasePromotionCommand.commandLine(terminal, sandbox.commandEnvironment());
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args(args));
    }

    private String[] args(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(sandbox.options());
        return all.toArray(String[]::new);
    }

    private JsonNode json(String schema, int exitCode) {
        return Schemas.matches(schema, out.toString());
    }
}
