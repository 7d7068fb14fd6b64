package io.jenkins.plugins.releasepromotion.vars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library and the Jenkinsfiles in the script-security sandbox, as an untrusted library and every Jenkinsfile run:
 * nothing may need an administrator's approval.
 */
class VarsSandboxTest {
    @TempDir
    Path root;

    /** Every way through releasePipeline, each with its own stand-in steps. */
    static Map<String, PipelineHarness> releasePipelinePaths() {
        Map<String, PipelineHarness> paths = new java.util.LinkedHashMap<>();
        paths.put("success", healthy("carol"));
        paths.put("pool", healthy("carol").pool("staging-slots", "staging-slot-2"));
        paths.put("rejected", healthy("carol").input(args -> {
            throw new Interrupted("Rejected by bob");
        }));
        PipelineHarness expired = healthy("carol");
        paths.put("expired", expired.input(args -> expired.expire()));
        paths.put("starter", healthy("alice"));
        paths.put("unticked", healthy("carol").input(args -> {
            Map<String, Object> answer = new java.util.HashMap<>(Environments.ticked("alice"));
            answer.put("BACKUP_READY", false);
            return answer;
        }));
        paths.put(
                "rolled back",
                healthy("carol")
                        .ours("promoteTag", Environments.productionFails(VarsReleasePipelineTest.VERIFY_FAILED))
                        .ours("releaseStatus", Environments.status(true)));
        paths.put(
                "refused in production",
                healthy("carol").ours("promoteTag", Environments.productionFails(VarsReleasePipelineTest.REFUSED)));
        paths.put("aborted", healthy("carol").ours("promoteTag", args -> {
            if ("production".equals(args.get("environment")) && !Boolean.TRUE.equals(args.get("dryRun"))) {
                throw new Interrupted("Aborted by carol");
            }
            return Environments.promote(args);
        }));
        paths.put("frozen", healthy("carol").ours("promoteTag", VarsReleasePipelineTest::frozenProduction));
        return paths;
    }

    static PipelineHarness healthy(String startedBy) {
        return VarsReleasePipelineTest.healthy(startedBy).sandboxed();
    }

    static Map<String, Object> config(String path) {
        Map<String, Object> config = VarsReleasePipelineTest.config();
        config.put("repository", "https://git.example.com/app.git");
        config.put("credentialsId", "git-credentials");
        if (path.equals("pool")) {
            config.remove("stagingSlot");
            config.put("stagingSlotPool", "staging-slots");
        }
        return config;
    }

    @Test
    void everyPathThroughReleasePipelineNeedsNoScriptApproval() {
        releasePipelinePaths().forEach((path, h) -> {
            try {
                h.runVar("releasePipeline", config(path));
            } catch (HarnessViolation e) {
                throw new AssertionError(path + ": " + e.getMessage(), e);
            } catch (Exception e) {
                // The path ends the build as it should; only a sandbox rejection fails the test.
            }
            assertThat(h.echoes()).as(path).isNotEmpty();
            assertThat(VarsReleasePipelineTest.last(h.echoes()))
                    .as(path)
                    .startsWith("[release-promotion] releasePipeline:");
        });
    }

    @Test
    void everyMistakeInTheOptionsIsReportedWithoutScriptApproval() {
        for (Map<String, Object> config : List.of(
                Map.<String, Object>of("approvers", "rm"),
                Map.<String, Object>of("tag", "v1.2.0", "approvers", "rm", "stagingSlot", 0),
                Map.<String, Object>of("tag", "v1.2.0", "approvers", "rm", "aprovers", "rm"),
                Map.<String, Object>of("tag", "v1.2.0", "approvers", "rm", "credentialsId", "git"),
                Map.<String, Object>of("tag", "v1.2.0", "approvers", "rm", "approvalTimeoutMinutes", "soon"))) {
            assertThatThrownBy(() -> healthy("carol").runVar("releasePipeline", config))
                    .as(config.toString())
                    .isInstanceOf(PipelineError.class);
        }
    }

    @Test
    void withoutTheRepositoryOptionReleasePipelineReadsTheJobsScmWhichNeedsApproval() {
        assertThatThrownBy(() -> healthy("carol").runVar("releasePipeline", VarsReleasePipelineTest.config()))
                .hasMessage("Scripts not permitted to use method hudson.plugins.git.GitSCM getUserRemoteConfigs");
    }

    @Test
    void everyPathThroughTheTemplateAndTheExampleNeedsNoScriptApproval() {
        for (PipelineHarness h : List.of(
                healthy("carol").params(Map.of("TAG", "v1.2.0")),
                healthy("alice").params(Map.of("TAG", "v1.2.0")),
                healthy("carol").params(Map.of("TAG", " ")),
                healthy("carol").params(Map.of("TAG", "v1.2.0")).input(args -> {
                    throw new Interrupted("Rejected by bob");
                }),
                healthy("carol")
                        .params(Map.of("TAG", "v1.2.0"))
                        .ours("promoteTag", Environments.productionFails(VarsReleasePipelineTest.VERIFY_FAILED))
                        .ours("releaseStatus", Environments.status(true)),
                healthy("carol")
                        .params(Map.of("TAG", "v1.2.0"))
                        .ours("promoteTag", Environments.productionFails(VarsReleasePipelineTest.REFUSED)))) {
            try {
                h.runTemplate(VarsTemplateTest.TEMPLATE);
            } catch (HarnessViolation e) {
                throw e;
            } catch (Exception e) {
                // an expected end of the build
            }
            assertThat(VarsReleasePipelineTest.last(h.echoes())).startsWith("[release-promotion] ");
        }
        PipelineHarness example =
                healthy("carol").params(Map.of("TAG", "v1.2.0")).pool("staging-slots", "staging-slot-1");
        example.runTemplate(VarsReleasePipelineTest.ROOT.resolve("docs/examples/Jenkinsfile"));
        assertThat(VarsReleasePipelineTest.last(example.echoes())).contains("SUCCEEDED");
    }

    @Test
    void sandboxRejectsWhatScriptApprovalWouldStop() throws IOException {
        // A method no list allows: script-security words it as "Scripts not permitted to use method ...".
        var("probe", "def call() { try { echo(new File('/etc/passwd').text) } catch (err) { echo 'swallowed' } }");

        assertThatThrownBy(() -> new PipelineHarness(root, "carol").sandboxed().runVar("probe"))
                .isInstanceOf(HarnessViolation.class)
                .hasMessage("Scripts not permitted to use new java.io.File java.lang.String"
                        + " (blacklisted: approving it is dangerous)");
    }

    @Test
    void sandboxRejectsAGdkMethodByItsStaticSignature() throws IOException {
        var("probe", "def call() { echo(['a'].inspect()) }");

        assertThatThrownBy(() -> new PipelineHarness(root, "carol").sandboxed().runVar("probe"))
                .hasMessageStartingWith("Scripts not permitted to use staticMethod"
                        + " org.codehaus.groovy.runtime.DefaultGroovyMethods inspect java.lang.Object");
    }

    @Test
    void sandboxAllowsStepsVarsMapsAndCurrentBuildsWhitelistedMethods() throws IOException {
        var("greeting", "def call(Map who) { echo \"hello ${who.name}\"; return who.name.trim() }");
        var(
                "probe",
                "def call() { def n = greeting(name: ' alice '); currentBuild.description = \"${n}\"; "
                        + "echo(currentBuild.getBuildCauses('hudson.model.Cause$UserIdCause')[0].userId) }");

        PipelineHarness h = new PipelineHarness(root, "carol").sandboxed();
        h.runVar("probe");

        assertThat(h.echoes()).containsExactly("hello  alice ", "carol");
        assertThat(h.build().getDescription()).isEqualTo("alice");
    }

    @Test
    void readingTheJobsGitRemotesNeedsApproval() throws IOException {
        // hudson.plugins.git.GitSCM#getUserRemoteConfigs is @Exported, not @Whitelisted.
        var("probe", "def call() { echo(\"${scm.userRemoteConfigs}\") }");

        assertThatThrownBy(() -> new PipelineHarness(root, "carol").sandboxed().runVar("probe"))
                .hasMessage("Scripts not permitted to use method hudson.plugins.git.GitSCM getUserRemoteConfigs");
    }

    @Test
    void releasePipelineTheTemplateAndTheExampleNeedNoApprovalUnderTheCpsTransformerToo() throws Exception {
        for (String path : List.of("success", "rolled back", "rejected")) {
            PipelineHarness steps = releasePipelinePaths().get(path);
            CpsCheck check = new CpsCheck(VarsReleasePipelineTest.ROOT, steps, true);
            check.runVar("releasePipeline", config(path));
            assertThat(check.mismatches()).as(path).isEmpty();
            assertThat(VarsReleasePipelineTest.last(steps.echoes()))
                    .as(path)
                    .startsWith("[release-promotion] releasePipeline:");
        }
        PipelineHarness template = VarsReleasePipelineTest.healthy("carol");
        CpsCheck check = new CpsCheck(VarsReleasePipelineTest.ROOT, template, true);
        assertThat(check.runTemplate(VarsTemplateTest.TEMPLATE, Map.of("TAG", "v1.2.0"))
                        .getAbnormal())
                .isNull();
        PipelineHarness example = VarsReleasePipelineTest.healthy("carol");
        CpsCheck exampleCheck =
                new CpsCheck(VarsReleasePipelineTest.ROOT, example, true).pool("staging-slots", "staging-slot-1");
        assertThat(exampleCheck
                        .runTemplate(
                                VarsReleasePipelineTest.ROOT.resolve("docs/examples/Jenkinsfile"),
                                Map.of("TAG", "v1.2.0"))
                        .getAbnormal())
                .isNull();
        assertThat(VarsReleasePipelineTest.last(example.echoes())).contains("SUCCEEDED");
    }

    @Test
    void underTheCpsTransformerARejectedCallFailsTooEvenWhenTheScriptCatchesIt() throws Exception {
        var(
                "probe",
                "def call(Map config) { try { echo(new File('/etc/passwd').text) } catch (err) { echo 'swallowed' } }");
        CpsCheck check = new CpsCheck(root, new PipelineHarness(root, "carol"), true);

        assertThatThrownBy(() -> check.runVar("probe", Map.of()))
                .hasMessageStartingWith("Scripts not permitted to use new java.io.File java.lang.String");
        assertThatThrownBy(
                        () -> new CpsCheck(VarsReleasePipelineTest.ROOT, VarsReleasePipelineTest.healthy("carol"), true)
                                .runVar("releasePipeline", VarsReleasePipelineTest.config()))
                .hasMessage("Scripts not permitted to use method hudson.plugins.git.GitSCM getUserRemoteConfigs");
    }

    private void var(String name, String text) throws IOException {
        Files.createDirectories(root.resolve("vars"));
        Files.writeString(root.resolve("vars").resolve(name + ".groovy"), text);
    }
}
