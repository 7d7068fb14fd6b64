package io.jenkins.plugins.releasepromotion.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.releasepromotion.engine.gate.Approval;
import io.jenkins.plugins.releasepromotion.engine.gate.PromotionRequest;
import io.jenkins.plugins.releasepromotion.engine.usecase.PromoteRequest;
import io.jenkins.plugins.releasepromotion.engine.usecase.RollbackRequest;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

class StepParametersTest {

    @Test
    void promoteTagDefaultsToVerifyingWithoutDryRunAndLeavesAutoRollbackToTheEnvironment() {
        PromoteTagStep step = new PromoteTagStep("v1.2.3", "production");

        assertThat(step.isVerify()).isTrue();
        assertThat(step.isDryRun()).isFalse();
        assertThat(step.getAutoRollback()).isNull();
        assertThat(step.getSlot()).isNull();
        PromoteRequest request = step.request("app#7", "job/app/7/", java.util.List.of());
        assertThat(request.verify()).isTrue();
        assertThat(request.autoRollback()).isNull();
        assertThat(request.buildUrl()).isEqualTo("job/app/7/");
        assertThat(request.gate())
                .isEqualTo(new PromotionRequest("v1.2.3", "production", null, "app#7", null, null, null, false));
    }

    @Test
    void promoteTagHandsEveryOptionToTheEngine() {
        PromoteTagStep step = new PromoteTagStep("v1.2.3", "staging");
        step.setSlot(2);
        step.setDryRun(true);
        step.setVerify(false);
        step.setAutoRollback(false);
        step.setBreakGlassReason("incident 42, the release manager is away");
        step.setApprovedBy("alice");
        step.setWindowOverrideReason("security fix");

        Approval alice = new Approval("alice", Set.of("release-managers"), "input submitted on job/app/8/");
        PromoteRequest request = step.request("app#8", null, java.util.List.of(alice));

        assertThat(request.verify()).isFalse();
        assertThat(request.autoRollback()).isFalse();
        assertThat(request.gate().approvals())
                .containsExactly(new Approval("alice", Set.of("release-managers"), "input submitted on job/app/8/"));
        assertThat(request.gate())
                .isEqualTo(new PromotionRequest(
                        "v1.2.3",
                        "staging",
                        2,
                        "app#8",
                        request.gate().approvals(),
                        "security fix",
                        "incident 42, the release manager is away",
                        true));
    }

    @Test
    void blankOptionalTextIsUnset() {
        PromoteTagStep step = new PromoteTagStep("v1.2.3", "staging");
        step.setBreakGlassReason("  ");
        step.setApprovedBy("");
        RollbackToStep rollback = new RollbackToStep("staging");
        rollback.setTag(" ");

        assertThat(step.getBreakGlassReason()).isNull();
        assertThat(step.getApprovedBy()).isNull();
        assertThat(rollback.getTag()).isNull();
    }

    @Test
    void verifyDeploymentFailsOnErrorByDefaultAndRollbackToIsNotForced() {
        VerifyDeploymentStep verify = new VerifyDeploymentStep("staging");
        RollbackToStep rollback = new RollbackToStep("production");
        rollback.setReason("bad migration");

        assertThat(verify.isFailOnError()).isTrue();
        assertThat(verify.getTag()).isNull();
        assertThat(rollback.isForce()).isFalse();
        assertThat(rollback.request("app#9", "job/app/9/"))
                .isEqualTo(new RollbackRequest(
                        "production", null, null, false, "bad migration", "app#9", "job/app/9/", true));
        assertThat(new ReleaseStatusStep().getEnvironment()).isNull();
    }

    @Test
    void everyParameterHasTheGetterTheSnippetGeneratorReads() throws Exception {
        for (Class<? extends Step> type : List.of(
                PromoteTagStep.class, VerifyDeploymentStep.class, RollbackToStep.class, ReleaseStatusStep.class)) {
            for (String name : parameters(type)) {
                String suffix = Character.toUpperCase(name.charAt(0)) + name.substring(1);
                assertThat(hasMethod(type, "get" + suffix) || hasMethod(type, "is" + suffix))
                        .as(type.getSimpleName() + "." + name)
                        .isTrue();
            }
        }
    }

    @Test
    void functionNamesAndRequiredContext() {
        Map<String, StepDescriptor> steps = new LinkedHashMap<>();
        for (StepDescriptor d : List.of(
                new PromoteTagStep.DescriptorImpl(),
                new VerifyDeploymentStep.DescriptorImpl(),
                new RollbackToStep.DescriptorImpl(),
                new ReleaseStatusStep.DescriptorImpl())) {
            steps.put(d.getFunctionName(), d);
        }

        assertThat(steps).containsOnlyKeys("promoteTag", "verifyDeployment", "rollbackTo", "releaseStatus");
        assertThat(Set.<Object>copyOf(steps.get("promoteTag").getRequiredContext()))
                .containsExactlyInAnyOrder(
                        Run.class,
                        TaskListener.class,
                        FilePath.class,
                        hudson.Launcher.class,
                        hudson.EnvVars.class,
                        org.jenkinsci.plugins.workflow.graph.FlowNode.class);
        assertThat(Set.<Object>copyOf(steps.get("releaseStatus").getRequiredContext()))
                .containsExactlyInAnyOrder(Run.class, TaskListener.class);
        assertThat(steps.get("promoteTag").getDisplayName()).isEqualTo("Promote a release tag to an environment");
    }

    @Test
    void executionsSerializeWithoutTheStepOrAnyJenkinsObject() throws Exception {
        PromoteTagStep step = new PromoteTagStep("v1.2.3", "production");
        step.setApprovedBy("alice");
        Object copy = TestChannel.roundTrip(step.start(new TestContext()));

        assertThat(copy).isInstanceOf(PromoteTagStep.Execution.class);
        assertThat(TestChannel.roundTrip(new VerifyDeploymentStep("staging").start(new TestContext())))
                .isNotNull();
        assertThat(TestChannel.roundTrip(new RollbackToStep("staging").start(new TestContext())))
                .isNotNull();
        assertThat(TestChannel.roundTrip(new ReleaseStatusStep().start(new TestContext())))
                .isNotNull();
    }

    @Test
    void returnValuesAreSerializableMapsOfPlainValues() throws Exception {
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        map.put("outcome", "SUCCEEDED");
        map.put("slot", 1);
        map.put("succeeded", true);
        ArrayList<LinkedHashMap<String, Object>> list = new ArrayList<>(List.of(map));

        assertThat(TestChannel.roundTrip(list)).isEqualTo(list);
        for (Class<?> execution : List.of(
                PromoteTagStep.Execution.class,
                VerifyDeploymentStep.Execution.class,
                RollbackToStep.Execution.class,
                ReleaseStatusStep.Execution.class)) {
            assertThat(execution.getDeclaredMethod("work", StepRun.class).getReturnType())
                    .as(execution.getName())
                    .isAssignableTo(java.io.Serializable.class);
        }
    }

    static List<String> parameters(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (Constructor<?> c : type.getConstructors()) {
            if (c.isAnnotationPresent(DataBoundConstructor.class)) {
                for (Parameter p : c.getParameters()) {
                    assertThat(p.isNamePresent())
                            .as("compiled with -parameters")
                            .isTrue();
                    names.add(p.getName());
                }
            }
        }
        for (Method m : type.getMethods()) {
            if (m.isAnnotationPresent(DataBoundSetter.class)) {
                names.add(Character.toLowerCase(m.getName().charAt(3))
                        + m.getName().substring(4));
            }
        }
        return names;
    }

    private static boolean hasMethod(Class<?> type, String name) {
        try {
            type.getMethod(name);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
