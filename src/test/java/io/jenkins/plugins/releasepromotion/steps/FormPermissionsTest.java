package io.jenkins.plugins.releasepromotion.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.releasepromotion.config.Check;
import io.jenkins.plugins.releasepromotion.config.CredentialsItems;
import io.jenkins.plugins.releasepromotion.config.Environment;
import io.jenkins.plugins.releasepromotion.config.FlowRequest;
import io.jenkins.plugins.releasepromotion.config.Gates;
import io.jenkins.plugins.releasepromotion.config.ReleasePromotionConfiguration;
import io.jenkins.plugins.releasepromotion.config.SshDeploy;
import java.lang.reflect.Method;
import java.util.List;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.verb.POST;
import org.springframework.security.access.AccessDeniedException;

class FormPermissionsTest extends ScenarioTest {
    static Item job(hudson.security.Permission... granted) {
        return new TestBuild.TestJob("app", granted);
    }

    static List<String> values(ListBoxModel model) {
        return model.stream().map(o -> o.value).toList();
    }

    @Test
    void stepFormsListEnvironmentsOnlyToThoseWhoMayConfigureTheJob() {
        PromoteTagStep.DescriptorImpl descriptor = new PromoteTagStep.DescriptorImpl();

        assertThat(values(descriptor.doFillEnvironmentItems(job()))).isEmpty();
        assertThat(values(descriptor.doFillEnvironmentItems(job(Item.EXTENDED_READ))))
                .isEmpty();
        assertThat(values(descriptor.doFillEnvironmentItems(job(Item.CONFIGURE))))
                .containsExactly("staging", "production");
        assertThat(values(new ReleaseStatusStep.DescriptorImpl().doFillEnvironmentItems(job(Item.CONFIGURE))))
                .containsExactly("", "staging", "production");
    }

    @Test
    void stepChecksSayNothingWithoutThePermission() {
        VerifyDeploymentStep.DescriptorImpl descriptor = new VerifyDeploymentStep.DescriptorImpl();

        assertThat(descriptor.doCheckEnvironment(job(), "qa").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(descriptor.doCheckEnvironment(job(Item.CONFIGURE), "qa").kind)
                .isEqualTo(FormValidation.Kind.ERROR);
        assertThat(descriptor.doCheckEnvironment(job(Item.CONFIGURE), "qa").getMessage())
                .contains("use one of: staging, production");
        assertThat(new PromoteTagStep.DescriptorImpl().doCheckTag(job(Item.CONFIGURE), "release-1").kind)
                .isEqualTo(FormValidation.Kind.ERROR);
        assertThat(new PromoteTagStep.DescriptorImpl().doCheckTag(job(Item.CONFIGURE), "v1.2.3").kind)
                .isEqualTo(FormValidation.Kind.OK);
    }

    @Test
    void outsideAJobTheStepFormsNeedAdministerPermission() {
        assertThat(values(new RollbackToStep.DescriptorImpl().doFillEnvironmentItems(null)))
                .isEmpty();

        scenario.jenkins.grant(Jenkins.ADMINISTER);

        assertThat(values(new RollbackToStep.DescriptorImpl().doFillEnvironmentItems(null)))
                .containsExactly("staging", "production");
    }

    @Test
    void credentialListsShowOnlyTheCurrentValueWithoutPermission() {
        assertThat(values(CredentialsItems.sshKeys(null, "deploy-key"))).containsExactly("deploy-key");
        assertThat(values(CredentialsItems.any(job(), "api-token"))).containsExactly("api-token");

        scenario.jenkins.grant(Jenkins.ADMINISTER);

        assertThat(values(new SshDeploy.DescriptorImpl().doFillCredentialsIdItems(null, "deploy-key")))
                .startsWith("")
                .contains("deploy-key");
        assertThat(values(CredentialsItems.any(job(Item.EXTENDED_READ), "api-token")))
                .startsWith("");
    }

    @Test
    void globalChecksRefuseUsersWhoMayNotAdministerJenkins() {
        assertThatThrownBy(() -> scenario.config.doCheckTagPattern("([")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> new Environment.DescriptorImpl().doCheckName(""))
                .isInstanceOf(AccessDeniedException.class);

        scenario.jenkins.grant(Jenkins.ADMINISTER);

        assertThat(scenario.config.doCheckTagPattern("([").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(scenario.config.doCheckTagPattern("^v(\\d+)\\.(\\d+)\\.(\\d+)$").kind)
                .isEqualTo(FormValidation.Kind.OK);
        assertThat(scenario.config.doCheckLedgerDirectory("relative/path").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(new Environment.DescriptorImpl().doCheckName("").kind).isEqualTo(FormValidation.Kind.ERROR);
    }

    @Test
    void everyFormMethodAnswersPostOnly() {
        for (Class<?> type : List.of(
                PromoteTagStep.DescriptorImpl.class,
                VerifyDeploymentStep.DescriptorImpl.class,
                RollbackToStep.DescriptorImpl.class,
                ReleaseStatusStep.DescriptorImpl.class,
                ReleasePromotionConfiguration.class,
                Environment.DescriptorImpl.class,
                SshDeploy.DescriptorImpl.class,
                Check.DescriptorImpl.class,
                FlowRequest.DescriptorImpl.class,
                Gates.DescriptorImpl.class)) {
            for (Method m : type.getDeclaredMethods()) {
                if (m.getName().startsWith("doFill") || m.getName().startsWith("doCheck")) {
                    assertThat(m.isAnnotationPresent(POST.class))
                            .as(type.getSimpleName() + "." + m.getName())
                            .isTrue();
                }
            }
        }
    }
}
